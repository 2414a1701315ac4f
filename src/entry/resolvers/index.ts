import Resolver from '@forge/resolver';
import { defineActivity } from './activity/definitions';
import { defineBackfill } from './backfill/definitions';
import { defineDefaults } from './defaults/definitions';
import { defineHealth } from './health/definitions';
import { defineMappingApply } from './project/apply-definitions';
import { defineProjectMapping } from './project/definitions';
import { defineWaveConnection } from './wave/definitions';
import { defineWebhooks } from './webhooks/definitions';

/**
 * The resolvers of the admin page and the project settings page (function `resolver-fn`).
 * Every definition checks the caller's Jira permission first; see core/define.ts.
 */
const resolverInstance = new Resolver();
defineWaveConnection(resolverInstance);
defineWebhooks(resolverInstance);
defineDefaults(resolverInstance);
defineBackfill(resolverInstance);
defineActivity(resolverInstance);
defineHealth(resolverInstance);
defineProjectMapping(resolverInstance);
defineMappingApply(resolverInstance);

export const resolver = resolverInstance.getDefinitions();
