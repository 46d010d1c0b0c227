/** Moved to src/ui/lib/api.ts (the one API request of the online screens); kept for old imports. */
export * from '../lib/api.ts';
