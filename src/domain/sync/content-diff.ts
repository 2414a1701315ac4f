/** Issue content → the create/edit/field-value steps needed, skipping what the fingerprints say is unchanged. */

import type { AdfDoc } from './adf';
import { fingerprint } from './fingerprint';
import {
  WAVE_LINK_PROPERTY_KEY,
  type ContentFingerprints,
  type CreateIssueStep,
  type EditIssueStep,
  type FieldValues,
  type PlanStep,
  type ProjectTarget,
  type WaveLinkProperty,
} from './types';

export interface IssueContent {
  summary: string;
  description: AdfDoc;
  fields: FieldValues;
}

export function contentFingerprints(content: IssueContent): ContentFingerprints {
  return {
    summary: fingerprint(content.summary),
    description: fingerprint(content.description),
    fields: fingerprint(content.fields),
  };
}

/** `previous === null`: the issue does not exist yet, so it is created (with its `wave-link` property). */
export function contentSteps(
  content: IssueContent,
  previous: ContentFingerprints | null,
  project: ProjectTarget,
  property: WaveLinkProperty,
): { steps: PlanStep[]; fingerprints: ContentFingerprints } {
  const fingerprints = contentFingerprints(content);
  const steps: PlanStep[] = [];
  if (previous === null) {
    const create: CreateIssueStep = {
      kind: 'create-issue',
      projectKey: project.projectKey,
      issueTypeId: project.issueTypeId,
      summary: content.summary,
      description: content.description,
      properties: [{ key: WAVE_LINK_PROPERTY_KEY, value: property }],
    };
    steps.push(create);
  } else {
    const edit: EditIssueStep = { kind: 'edit-issue' };
    if (previous.summary !== fingerprints.summary) edit.summary = content.summary;
    if (previous.description !== fingerprints.description) edit.description = content.description;
    if (edit.summary !== undefined || edit.description !== undefined) steps.push(edit);
  }
  if (previous?.fields !== fingerprints.fields) steps.push({ kind: 'set-field-values', values: content.fields });
  return { steps, fingerprints };
}
