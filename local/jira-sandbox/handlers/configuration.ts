import { jiraErrors } from '../http/errors';
import { ok, type HandlerTable } from './handler-types';

/** Jira's default time tracking: 8-hour days, 5-day weeks, "pretty" durations (`1w 2d 3h`). */
const TIME_TRACKING_CONFIGURATION = {
  workingHoursPerDay: 8,
  workingDaysPerWeek: 5,
  timeFormat: 'pretty',
  defaultUnit: 'minute',
};

/** The global settings, reflecting the sandbox's `timeTracking.enabled`. */
export const configurationHandlers: HandlerTable = {
  getConfiguration: (ctx) => {
    const timeTracking = ctx.site.settings.current.timeTracking.enabled;
    return ok({
      votingEnabled: true,
      watchingEnabled: true,
      unassignedIssuesAllowed: true,
      subTasksEnabled: false,
      issueLinkingEnabled: true,
      timeTrackingEnabled: timeTracking,
      attachmentsEnabled: true,
      ...(timeTracking ? { timeTrackingConfiguration: TIME_TRACKING_CONFIGURATION } : {}),
    });
  },

  getSelectedTimeTrackingImplementation: (ctx) => {
    if (!ctx.site.hasGlobalPermission(ctx.principal, 'ADMINISTER'))
      throw jiraErrors.forbidden('You do not have permission to view the time tracking configuration.');
    // Disabled: "a successful but empty response" (the spec's 204).
    if (!ctx.site.settings.current.timeTracking.enabled) return { status: 204 };
    return ok({ key: 'JIRA', name: 'JIRA provided time tracking' });
  },
};
