import type { Site } from '../site';
import type { StoredIssue } from '../state/records';
import { projectPermissionsOf, type SandboxUser } from '../users';
import type { DisplayFacts } from './display-conditions';

/** What display conditions see outside an issue or project (a dashboard). */
export function viewerFacts(user: SandboxUser): DisplayFacts {
  return { globalPermissions: new Set(user.globalPermissions) };
}

/** What display conditions see on an issue's page. */
export function issueFacts(site: Site, user: SandboxUser, issue: StoredIssue): DisplayFacts {
  const project = site.catalog.projectById(issue.projectId);
  return {
    ...viewerFacts(user),
    projectPermissions: new Set(projectPermissionsOf(user, project.id)),
    issue: {
      id: issue.id,
      key: issue.key,
      typeName: site.catalog.issueType(issue.issueTypeId).name,
      properties: issue.properties,
    },
    project: { id: project.id, key: project.key, name: project.name, type: project.typeKey },
  };
}
