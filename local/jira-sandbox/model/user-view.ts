import type { Site } from '../site';
import type { SandboxUser } from '../users';

function avatarUrls(site: Site, accountId: string): Record<string, string> {
  const url = (size: number) => site.url(`/secure/useravatar?size=${size}&ownerId=${encodeURIComponent(accountId)}`);
  return { '48x48': url(48), '24x24': url(24), '16x16': url(16), '32x32': url(32) };
}

/** `UserDetails`, as users appear inside issues, worklogs and comments. */
export function userDetails(site: Site, accountId: string): Record<string, unknown> {
  const user = site.user(accountId);
  return {
    self: site.url(`/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`),
    accountId,
    ...(user?.emailAddress ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: avatarUrls(site, accountId),
    displayName: user?.displayName ?? 'Former user',
    active: user !== undefined,
    timeZone: 'Etc/UTC',
    accountType: user?.accountType ?? 'unknown',
  };
}

/** `User`, as `/myself` answers. */
export function fullUser(site: Site, user: SandboxUser): Record<string, unknown> {
  return {
    ...userDetails(site, user.accountId),
    locale: 'en_US',
    groups: { size: user.globalPermissions.includes('ADMINISTER') ? 2 : 1, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}
