/**
 * What is known of moving a project's existing invoice issues to where its saved status mapping puts them:
 * stored with the run, and shown on the project settings page. Types only, so the Custom UI can import it
 * (through the resolvers' contract) without server code.
 */
export interface MappingApplyFields {
  projectKey: string;
  state: 'running' | 'done' | 'failed';
  /** The project's invoice issues looked at so far, of `total` (which grows if the search finds more). */
  done: number;
  total: number;
  moved: number;
  /** Issues no screenless transition could move; each is in `problems` (the first few). */
  blocked: number;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  /** Why the run stopped; safe to show. */
  lastError?: string;
  problems: Array<{ issueKey: string; reason: string }>;
}
