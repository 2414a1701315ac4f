import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseInput } from '../../input';
import type { Site } from '../site';
import { GLOBAL_PERMISSION_KEYS, PROJECT_PERMISSION_KEYS, USER_PROJECT_PERMISSIONS, type SandboxUser } from '../users';
import { newApiToken } from './api-tokens';

export const newUserSchema = z
  .object({
    displayName: z.string().trim().min(1).max(255),
    email: z.string().email().max(255),
    /** A site admin (every permission, like the local admin) instead of a plain user. */
    admin: z.boolean().optional(),
  })
  .strict();

export const newTokenSchema = z
  .object({ email: z.string().email(), label: z.string().trim().min(1).max(100).optional() })
  .strict();

/** What the creator of a token sees, once: the token is not kept and cannot be shown again. */
export interface IssuedCredentials {
  accountId: string;
  displayName: string;
  email: string;
  apiToken: string;
}

export class CredentialsError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'CredentialsError';
  }
}

/** A new local person with an API token (basic auth as their email, or bearer). */
export function createLocalUser(site: Site, input: unknown): IssuedCredentials {
  const { displayName, email, admin = false } = parseInput(newUserSchema, input);
  if (findByEmail(site, email)) throw new CredentialsError(409, `a user with email ${email} exists`);
  const user: SandboxUser = {
    accountId: `712020:${randomUUID()}`,
    accountType: 'atlassian',
    displayName,
    emailAddress: email,
    globalPermissions: admin ? [...GLOBAL_PERMISSION_KEYS] : ['USER_PICKER', 'CREATE_SHARED_OBJECTS'],
    projectPermissions: admin ? [...PROJECT_PERMISSION_KEYS] : [...USER_PROJECT_PERMISSIONS],
  };
  site.state.addUser(user);
  return issueToken(site, user, 'created with the user');
}

/** Another API token for an existing person, found by email. */
export function createApiToken(site: Site, input: unknown): IssuedCredentials {
  const { email, label = 'local token' } = parseInput(newTokenSchema, input);
  const user = findByEmail(site, email);
  if (!user) throw new CredentialsError(404, `no user with email ${email}`);
  return issueToken(site, user, label);
}

function issueToken(site: Site, user: SandboxUser, label: string): IssuedCredentials {
  const { token, record } = newApiToken(user.accountId, label, site.now());
  site.state.addApiToken(record);
  return { accountId: user.accountId, displayName: user.displayName, email: user.emailAddress ?? '', apiToken: token };
}

function findByEmail(site: Site, email: string): SandboxUser | undefined {
  return site.state.users.find(
    (user) => user.accountType === 'atlassian' && user.emailAddress?.toLowerCase() === email.toLowerCase(),
  );
}
