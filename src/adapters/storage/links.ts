import { kvs } from './kvs';
import { storageKeys, type WaveLinkKind } from './keys';

/**
 * The link between a Wave object and its Jira issue. The shape of the link is the domain's;
 * this store only keys it by kind and Wave id.
 */
export async function getLink<T>(kind: WaveLinkKind, waveId: string): Promise<T | undefined> {
  return kvs.get<T>(storageKeys.link(kind, waveId));
}

export async function putLink<T>(kind: WaveLinkKind, waveId: string, link: T): Promise<void> {
  await kvs.set(storageKeys.link(kind, waveId), link);
}

export async function deleteLink(kind: WaveLinkKind, waveId: string): Promise<void> {
  await kvs.delete(storageKeys.link(kind, waveId));
}

export interface IssueBacklink {
  kind: WaveLinkKind;
  waveId: string;
}

/** Jira issue id -> the Wave record it shows (written with the record's first issue), so a deleted issue can drop its link. */
export async function getIssueBacklink(issueId: string): Promise<IssueBacklink | undefined> {
  return kvs.get<IssueBacklink>(storageKeys.issueBacklink(issueId));
}

/** Reads and removes the backlink of a deleted issue. */
export async function takeIssueBacklink(issueId: string): Promise<IssueBacklink | undefined> {
  const key = storageKeys.issueBacklink(issueId);
  const backlink = await kvs.get<IssueBacklink>(key);
  if (backlink) await kvs.delete(key);
  return backlink;
}
