import type { MappingApplyFields } from '../../shared/mapping-apply-progress';
import { storageKeys } from './keys';
import { kvs } from './kvs';

/** The current or last run of "Apply to existing issues" in one project. */
export interface MappingApplyRecord extends MappingApplyFields {
  runId: string;
  /** Jira's search token for the next page of the project's invoice issues. */
  nextPageToken?: string;
}

export async function getMappingApply(projectKey: string): Promise<MappingApplyRecord | undefined> {
  return kvs.get<MappingApplyRecord>(storageKeys.mappingApply(projectKey));
}

export async function saveMappingApply(record: MappingApplyRecord): Promise<void> {
  await kvs.set(storageKeys.mappingApply(record.projectKey), record);
}
