import { webTrigger } from '@forge/api';

/** This installation's URL of a web trigger module (stable for the installation; a bearer capability: never log it). */
export function webTriggerUrl(moduleKey: string): Promise<string> {
  return webTrigger.getUrl(moduleKey);
}
