/** Issue content → the create/edit/field-value steps needed, skipping what the fingerprints say is unchanged. */

import { adfPlainText, type AdfDoc } from './adf';
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
  /** App-owned custom fields. */
  fields: FieldValues;
  /** Jira's own fields the app owns (the due date). */
  jiraFields: Record<string, string | null>;
  /** The indexed `wave-link` property: the record's id and figures. */
  property: WaveLinkProperty;
}

/** A summary's fingerprint, comparable with what Jira shows. */
export const summaryFingerprint = (summary: string): string => fingerprint(summary.trim());

/** A description's fingerprint: of its text, so the same text in another structure still matches. */
export const descriptionFingerprint = (description: unknown): string => fingerprint(adfPlainText(description));

export function contentFingerprints(content: IssueContent): ContentFingerprints {
  return {
    v: 2,
    summary: summaryFingerprint(content.summary),
    description: descriptionFingerprint(content.description),
    fields: fingerprint(content.fields),
    jira: fingerprint({ fields: content.jiraFields, property: content.property }),
  };
}

/** Whether applying this content would change anything the fingerprints say Jira holds. */
export function contentChanged(content: IssueContent, previous: ContentFingerprints | null): boolean {
  if (previous === null) return true;
  const next = contentFingerprints(content);
  return (['summary', 'description', 'fields', 'jira'] as const).some((part) => previous[part] !== next[part]);
}

/**
 * `previous === null`: the issue does not exist yet, so it is created (with its property and Jira's fields).
 * Otherwise only what changed is written; the summary and description only while Jira still shows what the app
 * last wrote (`owned`), so a person's edit stays.
 */
export function contentSteps(
  content: IssueContent,
  previous: ContentFingerprints | null,
  project: ProjectTarget,
): { steps: PlanStep[]; fingerprints: ContentFingerprints } {
  const fingerprints = contentFingerprints(content);
  const steps: PlanStep[] = [];
  const jiraFields = Object.fromEntries(Object.entries(content.jiraFields).filter(([, value]) => value !== null));
  if (previous === null) {
    const create: CreateIssueStep = {
      kind: 'create-issue',
      projectKey: project.projectKey,
      issueTypeId: project.issueTypeId,
      summary: content.summary,
      description: content.description,
      properties: [{ key: WAVE_LINK_PROPERTY_KEY, value: content.property }],
      ...(Object.keys(jiraFields).length > 0 ? { fields: jiraFields } : {}),
    };
    steps.push(create);
  } else {
    const edit: EditIssueStep = { kind: 'edit-issue' };
    if (previous.summary !== fingerprints.summary) edit.summary = content.summary;
    if (previous.description !== fingerprints.description) edit.description = content.description;
    if ((edit.summary !== undefined || edit.description !== undefined) && previous.v === 2) {
      edit.owned = { summary: previous.summary, description: previous.description };
    }
    if (previous.jira !== fingerprints.jira) {
      edit.fields = content.jiraFields;
      edit.properties = [{ key: WAVE_LINK_PROPERTY_KEY, value: content.property }];
    }
    if (Object.keys(edit).length > 1) steps.push(edit);
  }
  if (previous?.fields !== fingerprints.fields) steps.push({ kind: 'set-field-values', values: content.fields });
  return { steps, fingerprints };
}
