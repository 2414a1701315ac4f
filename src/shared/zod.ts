import { config } from 'zod/mini';
import { en } from 'zod/locales';

/**
 * Zod's light build (`zod/mini`: functional checks) with English messages, which the mini build leaves out.
 * Every schema imports it as `import * as z from '…/shared/zod'`: re-exporting zod's `z` namespace object instead
 * would make the bundler keep every export of zod (all its locales among them) in every function.
 */
config(en());

export * from 'zod/mini';
