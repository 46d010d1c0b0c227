import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// With globals: false, Testing Library does not clean up by itself.
afterEach(cleanup);
