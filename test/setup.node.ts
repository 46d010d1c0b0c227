// Storage tests run Dexie on fake-indexeddb (a real IndexedDB implementation, not a mock).
import 'fake-indexeddb/auto';
