import type Resolver from '@forge/resolver';
import { define } from '../core/define';
import { noInput } from '../core/schemas';
import { healthChecks } from './checks';

/** The Health section of the admin page. */
export function defineHealth(resolver: Resolver): void {
  define(resolver, 'getHealth', {
    access: 'jira-admin',
    input: noInput,
    handle: async (_input, { budget }) => ({ checks: await healthChecks(budget), checkedAt: budget.now() }),
  });
}
