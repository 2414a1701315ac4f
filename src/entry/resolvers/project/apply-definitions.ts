import type Resolver from '@forge/resolver';
import * as v from 'valibot';
import { strictObject } from '../../../shared/validation';
import { countIssuesToRemap } from '../../../usecases/mapping/count-issues-to-remap';
import { getMappingApplyProgress, startMappingApply } from '../../../usecases/mapping/start-mapping-apply';
import { define } from '../core/define';
import { projectKeySchema } from '../core/schemas';

const projectInput = strictObject({ projectKey: v.optional(projectKeySchema) });

/** The project settings page's "Apply to existing issues": how many would move, the run, and its progress. */
export function defineMappingApply(resolver: Resolver): void {
  define(resolver, 'countIssuesToRemap', {
    access: 'project-admin',
    input: projectInput,
    handle: (_input, { projectKey, budget }) => countIssuesToRemap(projectKey, budget),
  });

  define(resolver, 'applyMappingToIssues', {
    access: 'project-admin',
    input: projectInput,
    handle: async (_input, { projectKey, budget }) => ({
      apply: await startMappingApply(projectKey, budget),
      serverNow: budget.now(),
    }),
  });

  define(resolver, 'getMappingApplyProgress', {
    access: 'project-admin',
    input: projectInput,
    handle: async (_input, { projectKey, budget }) => ({
      apply: await getMappingApplyProgress(projectKey),
      serverNow: budget.now(),
    }),
  });
}
