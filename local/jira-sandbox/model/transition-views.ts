import type { TransitionDef } from '../catalog/catalog-types';
import { systemField } from '../catalog/fields';
import type { Principal, Site } from '../site';
import type { StoredIssue } from '../state/records';
import { namedView, statusView } from './catalog-views';

export interface OfferedTransition {
  def: TransitionDef;
  /** False when a condition (e.g. project admins only) stops the caller from taking it. */
  available: boolean;
}

/** The transitions leaving the issue's status, with whether the caller may take each. */
export function transitionsFor(site: Site, issue: StoredIssue, principal: Principal): OfferedTransition[] {
  const project = site.catalog.projectById(issue.projectId);
  return site.catalog.transitionsFrom(project, issue.statusId).map((def) => ({
    def,
    available:
      site.hasProjectPermission(principal, project, 'TRANSITION_ISSUES') &&
      (def.condition !== 'project-admin' || site.hasProjectPermission(principal, project, 'ADMINISTER_PROJECTS')),
  }));
}

export function transitionView(site: Site, offered: OfferedTransition, withFields: boolean): Record<string, unknown> {
  const { def } = offered;
  return {
    id: def.id,
    name: def.name,
    to: statusView(site, site.catalog.status(def.to)),
    hasScreen: (def.screen?.length ?? 0) > 0,
    isGlobal: def.from.length === 0,
    isInitial: false,
    isAvailable: offered.available,
    isConditional: def.condition !== undefined,
    isLooped: false,
    ...(withFields
      ? {
          fields: Object.fromEntries(
            (def.screen ?? []).map((screenField) => [
              screenField.id,
              screenFieldMeta(site, screenField.id, screenField.required),
            ]),
          ),
        }
      : {}),
  };
}

function screenFieldMeta(site: Site, fieldId: string, required: boolean): Record<string, unknown> {
  const fieldDef = systemField(fieldId);
  return {
    required,
    schema: fieldDef?.schema ?? { type: 'any' },
    name: fieldDef?.name ?? fieldId,
    key: fieldId,
    hasDefaultValue: false,
    operations: fieldId === 'labels' ? ['add', 'set', 'remove'] : ['set'],
    ...(fieldId === 'resolution'
      ? { allowedValues: site.catalog.resolutions().map((resolution) => namedView(site, 'resolution', resolution)) }
      : {}),
  };
}
