import { appFieldHandlers } from './app-fields';
import { commentAndLinkHandlers } from './comments-links';
import { configurationHandlers } from './configuration';
import type { HandlerTable } from './handler-types';
import { issueHandlers } from './issues';
import { permissionHandlers } from './permissions';
import { propertyHandlers } from './properties';
import { searchHandlers } from './search';
import { siteInfoHandlers } from './site-info';
import { transitionHandlers } from './transitions';
import { watcherHandlers } from './watchers';
import { webhookHandlers } from './webhooks';
import { workflowHandlers } from './workflows';
import { worklogHandlers } from './worklogs';

/** Every operation the sandbox implements, by the spec's operationId. */
export const ALL_HANDLERS: HandlerTable = {
  ...siteInfoHandlers,
  ...issueHandlers,
  ...propertyHandlers,
  ...appFieldHandlers,
  ...transitionHandlers,
  ...worklogHandlers,
  ...workflowHandlers,
  ...commentAndLinkHandlers,
  ...searchHandlers,
  ...permissionHandlers,
  ...webhookHandlers,
  ...watcherHandlers,
  ...configurationHandlers,
};
