import type {
  IssueTypeDef,
  LinkTypeDef,
  NamedDef,
  ProjectDef,
  StatusCategoryKey,
  StatusDef,
} from '../catalog/catalog-types';
import type { Site } from '../site';

const CATEGORIES: Record<StatusCategoryKey, { id: number; colorName: string; name: string }> = {
  new: { id: 2, colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, colorName: 'green', name: 'Done' },
};

export const STATUS_CATEGORY_ENUM: Record<StatusCategoryKey, 'TODO' | 'IN_PROGRESS' | 'DONE'> = {
  new: 'TODO',
  indeterminate: 'IN_PROGRESS',
  done: 'DONE',
};

export function statusCategoryView(site: Site, key: StatusCategoryKey): Record<string, unknown> {
  const category = CATEGORIES[key];
  return {
    self: site.url(`/rest/api/3/statuscategory/${category.id}`),
    id: category.id,
    key,
    colorName: category.colorName,
    name: category.name,
  };
}

export function statusView(site: Site, status: StatusDef): Record<string, unknown> {
  return {
    self: site.url(`/rest/api/3/status/${status.id}`),
    description: status.description,
    iconUrl: site.url('/images/icons/statuses/generic.png'),
    name: status.name,
    id: status.id,
    statusCategory: statusCategoryView(site, status.category),
    ...(status.projectId ? { scope: { type: 'PROJECT', project: { id: status.projectId } } } : {}),
  };
}

export function issueTypeView(site: Site, issueType: IssueTypeDef): Record<string, unknown> {
  return {
    self: site.url(`/rest/api/3/issuetype/${issueType.id}`),
    id: issueType.id,
    description: issueType.description,
    iconUrl: site.url(`/rest/api/2/universal_avatar/view/type/issuetype/avatar/${issueType.avatarId}?size=medium`),
    name: issueType.name,
    subtask: false,
    avatarId: issueType.avatarId,
    hierarchyLevel: 0,
  };
}

function projectAvatars(site: Site, project: ProjectDef): Record<string, string> {
  const url = (size: string) =>
    site.url(`/rest/api/3/universal_avatar/view/type/project/avatar/10400?size=${size}&projectId=${project.id}`);
  return { '48x48': url('large'), '24x24': url('small'), '16x16': url('xsmall'), '32x32': url('medium') };
}

/** The short project shape used inside issues and scopes (`ProjectDetails`). */
export function projectDetails(site: Site, project: ProjectDef): Record<string, unknown> {
  return {
    self: site.url(`/rest/api/3/project/${project.id}`),
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.typeKey,
    simplified: false,
    avatarUrls: projectAvatars(site, project),
  };
}

export function namedView(site: Site, kind: 'priority' | 'resolution', item: NamedDef): Record<string, unknown> {
  return {
    self: site.url(`/rest/api/3/${kind}/${item.id}`),
    ...(kind === 'priority'
      ? { iconUrl: site.url(`/images/icons/priorities/${item.name.toLowerCase()}.svg`) }
      : { description: item.description }),
    name: item.name,
    id: item.id,
  };
}

export function linkTypeView(site: Site, linkType: LinkTypeDef): Record<string, unknown> {
  return {
    id: linkType.id,
    name: linkType.name,
    inward: linkType.inward,
    outward: linkType.outward,
    self: site.url(`/rest/api/3/issueLinkType/${linkType.id}`),
  };
}
