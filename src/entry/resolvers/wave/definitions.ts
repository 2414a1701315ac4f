import type Resolver from '@forge/resolver';
import * as v from 'valibot';
import { strictObject } from '../../../shared/validation';
import { saveWaveOAuthClient } from '../../../adapters/storage/secrets';
import { connectWithPastedToken } from '../../../usecases/connect/connect-with-pasted-token';
import { disconnectWave } from '../../../usecases/connect/disconnect-wave';
import { startWaveOAuth } from '../../../usecases/connect/start-oauth';
import { define } from '../core/define';
import { noInput } from '../core/schemas';
import { connectionView } from './connection-view';

const clientInput = strictObject({
  clientId: v.pipe(
    v.string('enter the client id'),
    v.trim(),
    v.minLength(1, "enter the client id from Wave's developer portal"),
    v.maxLength(200, 'is too long for a Wave client id'),
  ),
  clientSecret: v.pipe(
    v.string('enter the client secret'),
    v.trim(),
    v.minLength(1, "enter the client secret from Wave's developer portal"),
    v.maxLength(500, 'is too long for a Wave client secret'),
  ),
});

const pastedTokenInput = strictObject({
  accessToken: v.pipe(
    v.string('paste a token'),
    v.trim(),
    v.minLength(20, 'looks too short for a Wave access token'),
    v.maxLength(2000, 'is too long for a Wave access token'),
    v.regex(/^[\x21-\x7e]+$/, 'must be the token alone, without spaces or line breaks'),
  ),
});

/** The Wave connection section of the admin page. */
export function defineWaveConnection(resolver: Resolver): void {
  define(resolver, 'getConnection', {
    access: 'jira-admin',
    input: noInput,
    handle: (_input, { budget }) => connectionView(budget),
  });

  define(resolver, 'saveWaveClient', {
    access: 'jira-admin',
    input: clientInput,
    handle: async (input, { budget }) => {
      await saveWaveOAuthClient(input);
      return connectionView(budget);
    },
  });

  define(resolver, 'startWaveConnect', {
    access: 'jira-admin',
    input: noInput,
    handle: (_input, { call, budget }) => startWaveOAuth(call.accountId, budget.now()),
  });

  define(resolver, 'usePastedToken', {
    access: 'jira-admin',
    input: pastedTokenInput,
    handle: async (input, { budget }) => {
      await connectWithPastedToken(input.accessToken, budget);
      return connectionView(budget);
    },
  });

  define(resolver, 'disconnectWave', {
    access: 'jira-admin',
    input: noInput,
    handle: async (_input, { budget }) => {
      await disconnectWave(budget);
      return connectionView(budget);
    },
  });
}
