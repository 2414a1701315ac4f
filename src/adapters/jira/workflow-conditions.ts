/**
 * Jira's built-in transition conditions as the app meets them: the preview of a mapping must know which
 * transitions the app (which the sync runs as) can take. Pure: reads a workflow definition's rules.
 */

import { ownValue } from '../../shared/own';

/** A rule of Jira's workflow definition (`WorkflowRuleConfiguration`). */
export interface RuleConfiguration {
  ruleKey?: string;
  parameters?: Record<string, string>;
}

/** `ConditionGroupConfiguration`: conditions and nested groups, all (`ALL`) or one (`ANY`) of which must hold. */
export interface ConditionGroup {
  operation?: 'ALL' | 'ANY';
  conditions?: RuleConfiguration[];
  conditionGroups?: ConditionGroup[];
}

/**
 * Whether the app certainly passes (true) or fails (false) one of Jira's built-in transition
 * conditions; undefined when it depends on the issue or the rule is not Jira's.
 * The app belongs to "atlassian-addons-admin", which holds every project permission.
 */
function appPasses(rule: RuleConfiguration): boolean | undefined {
  const parameters = rule.parameters ?? {};
  const listed = (name: string) =>
    (ownValue(parameters, name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  switch (rule.ruleKey) {
    case 'system:restrict-from-all-users':
      return parameters.restrictMode !== 'usersAndAPI';
    case 'system:restrict-issue-transition':
      // True when any criterion holds: the app has every permission; the other criteria name people.
      return listed('permissionKeys').length > 0 ? true : undefined;
    default:
      return undefined;
  }
}

/** A condition group the app cannot pass (`false`); unknown conditions are taken to pass, as Jira decides per issue. */
export function groupBlocksApp(group: ConditionGroup): boolean {
  const results = [
    ...(group.conditions ?? []).map((rule) => appPasses(rule) !== false),
    ...(group.conditionGroups ?? []).map((nested) => !groupBlocksApp(nested)),
  ];
  if (results.length === 0) return false;
  return group.operation === 'ANY' ? !results.some(Boolean) : !results.every(Boolean);
}
