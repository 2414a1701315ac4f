import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { EntityDefinition } from '../kvs';
import { MAX_TIMEOUT_SECONDS } from './limits';
import {
  isObject,
  parseUiModules,
  resourcesOf,
  type DashboardGadgetModule,
  type IssueContextModule,
  type PageModule,
  type UiModule,
} from './ui-modules';

export type {
  DashboardGadgetModule,
  IssueContextModule,
  PageModule,
  PageModuleType,
  UiModule,
  UiModuleType,
} from './ui-modules';

export type ScheduleInterval = 'fiveMinute' | 'hour' | 'day' | 'week';
export interface FunctionModule {
  key: string;
  /** `index.waveWebhook` → file `index`, export `waveWebhook`. */
  file: string;
  exportName: string;
  timeoutSeconds?: number;
}

export interface WebTriggerModule {
  key: string;
  function: string;
}

export interface ScheduledTriggerModule {
  key: string;
  function: string;
  interval: ScheduleInterval;
}

export interface ProductTriggerModule {
  key: string;
  function: string;
  events: string[];
}

export interface ConsumerModule {
  key: string;
  queue: string;
  function: string;
}

/** The parts of manifest.yml the local runtime acts on. */
export interface AppManifest {
  /** The app's UUID (the part after `ari:cloud:ecosystem::app/`). */
  appId: string;
  appAri: string;
  functions: Map<string, FunctionModule>;
  webTriggers: WebTriggerModule[];
  scheduledTriggers: ScheduledTriggerModule[];
  productTriggers: ProductTriggerModule[];
  consumers: ConsumerModule[];
  /** The admin and project settings pages. */
  pages: PageModule[];
  issueContexts: IssueContextModule[];
  dashboardGadgets: DashboardGadgetModule[];
  /** Every Custom UI module: the pages, issue contexts and dashboard gadgets. */
  uiModules: UiModule[];
  /** resource key → path relative to the app directory */
  resources: Map<string, string>;
  storageEntities: EntityDefinition[];
  customFields: Record<string, unknown>[];
  entityProperties: Record<string, unknown>[];
  scopes: string[];
  /** `permissions.external.fetch.backend` addresses, as written. */
  egressBackend: string[];
}

const INTERVALS: readonly string[] = ['fiveMinute', 'hour', 'day', 'week'];
type Yaml = Record<string, unknown>;

export function loadManifest(manifestPath: string): AppManifest {
  const document = yaml.load(fs.readFileSync(manifestPath, 'utf8'));
  if (!isObject(document)) throw new Error(`${manifestPath}: not a YAML mapping`);
  return parseManifest(document, path.basename(manifestPath));
}

export function parseManifest(document: Yaml, source = 'manifest.yml'): AppManifest {
  const fail = (message: string): never => {
    throw new Error(`${source}: ${message}`);
  };
  const app = isObject(document.app) ? document.app : fail('app is missing');
  const appAri = typeof app.id === 'string' ? app.id : fail('app.id is missing');
  const modules = isObject(document.modules) ? document.modules : {};
  const list = (name: string): Yaml[] => {
    const value = modules[name];
    if (value === undefined) return [];
    return Array.isArray(value) && value.every(isObject) ? value : fail(`modules.${name} must be a list of mappings`);
  };
  const text = (module: Yaml, field: string, where: string): string =>
    typeof module[field] === 'string' ? (module[field] as string) : fail(`${where}: '${field}' must be a string`);

  const functions = new Map<string, FunctionModule>();
  for (const module of list('function')) {
    const key = text(module, 'key', 'modules.function');
    const handler = text(module, 'handler', `function ${key}`);
    const [file, exportName, ...rest] = handler.split('.');
    if (!file || !exportName || rest.length > 0)
      fail(`function ${key}: handler '${handler}' must look like file.export`);
    const timeoutSeconds = module.timeoutSeconds;
    if (
      timeoutSeconds !== undefined &&
      !(
        Number.isInteger(timeoutSeconds) &&
        (timeoutSeconds as number) >= 1 &&
        (timeoutSeconds as number) <= MAX_TIMEOUT_SECONDS
      )
    )
      fail(`function ${key}: timeoutSeconds must be a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}`);
    functions.set(key, {
      key,
      file: file as string,
      exportName: exportName as string,
      timeoutSeconds: timeoutSeconds as number | undefined,
    });
  }
  const functionRef = (module: Yaml, where: string): string => {
    const key = text(module, 'function', where);
    return functions.has(key) ? key : fail(`${where}: function '${key}' is not declared in modules.function`);
  };

  const webTriggers = list('webtrigger').map((module) => {
    const key = text(module, 'key', 'modules.webtrigger');
    return { key, function: functionRef(module, `webtrigger ${key}`) };
  });
  const scheduledTriggers = list('scheduledTrigger').map((module) => {
    const key = text(module, 'key', 'modules.scheduledTrigger');
    const interval = text(module, 'interval', `scheduledTrigger ${key}`);
    if (!INTERVALS.includes(interval)) fail(`scheduledTrigger ${key}: interval must be one of ${INTERVALS.join(', ')}`);
    return { key, function: functionRef(module, `scheduledTrigger ${key}`), interval: interval as ScheduleInterval };
  });
  const productTriggers = list('trigger').map((module) => {
    const key = text(module, 'key', 'modules.trigger');
    const events =
      Array.isArray(module.events) && module.events.every((event) => typeof event === 'string')
        ? (module.events as string[])
        : fail(`trigger ${key}: events must be a list of strings`);
    return { key, function: functionRef(module, `trigger ${key}`), events };
  });
  const consumers = list('consumer').map((module) => {
    const key = text(module, 'key', 'modules.consumer');
    return { key, queue: text(module, 'queue', `consumer ${key}`), function: functionRef(module, `consumer ${key}`) };
  });
  const uiModules = parseUiModules({ list, text, functionRef, fail });
  const pages = uiModules.filter(
    (module): module is PageModule => module.type === 'jira:adminPage' || module.type === 'jira:projectSettingsPage',
  );

  const resources = new Map<string, string>();
  for (const resource of Array.isArray(document.resources) ? document.resources.filter(isObject) : []) {
    resources.set(text(resource, 'key', 'resources'), text(resource, 'path', 'resources'));
  }
  for (const module of uiModules) {
    for (const resource of resourcesOf(module))
      if (!resources.has(resource))
        fail(`${module.type} ${module.key}: resource '${resource}' is not declared in resources`);
  }

  const permissions = isObject(document.permissions) ? document.permissions : {};
  const external = isObject(permissions.external) ? permissions.external : {};
  const fetchPermissions = isObject(external.fetch) ? external.fetch : {};
  const backend = Array.isArray(fetchPermissions.backend) ? fetchPermissions.backend : [];
  const storage = isObject(app.storage) ? app.storage : {};

  return {
    appId: appAri.replace(/^ari:cloud:ecosystem::app\//, ''),
    appAri,
    functions,
    webTriggers,
    scheduledTriggers,
    productTriggers,
    consumers,
    pages,
    issueContexts: uiModules.filter((module): module is IssueContextModule => module.type === 'jira:issueContext'),
    dashboardGadgets: uiModules.filter(
      (module): module is DashboardGadgetModule => module.type === 'jira:dashboardGadget',
    ),
    uiModules,
    resources,
    storageEntities: (Array.isArray(storage.entities) ? storage.entities : []) as EntityDefinition[],
    customFields: list('jira:customField'),
    entityProperties: list('jira:entityProperty'),
    scopes: Array.isArray(permissions.scopes)
      ? permissions.scopes.filter((scope): scope is string => typeof scope === 'string')
      : [],
    egressBackend: backend.map(backendAddress).filter((address): address is string => address !== undefined),
  };
}

function backendAddress(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (isObject(entry) && typeof entry.address === 'string') return entry.address;
  return undefined;
}
