import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.cjs';

/**
 * Zod's light build (`zod/mini`: functional checks, tree-shaken to what the app uses) with English messages, which
 * the mini build leaves out. Every schema in the app imports `z` from here.
 */
z.config(en());

export { z };
