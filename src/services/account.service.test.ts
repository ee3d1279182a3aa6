import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authenticate,
  changeOwnPassword,
  createAccount,
  login,
  MAX_FAILED_LOGINS,
  updateAccount,
} from './account.service';
import { DEMO_PASSWORD } from './demo/demo-township';
import { AppError } from './errors';
import { openTestWorld, testDatabaseTargets, type TestWorld } from './testing';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
}

for (const target of testDatabaseTargets()) {
  describe(`accounts and login on ${target.name}`, () => {
    let w: TestWorld;
    beforeEach(async () => {
      w = await openTestWorld(target);
    });
    afterEach(async () => {
      await w.close();
    });

    it('logs in with the right password and resolves the session token to the account', async () => {
      const session = await login(w.ctx, 'zuzhi', DEMO_PASSWORD);

      const auth = await authenticate(w.ctx, session.token);

      expect(auth?.account.username).toBe('zuzhi');
      expect(auth?.csrfToken).toBe(session.csrfToken);
      expect(await authenticate(w.ctx, 'not-a-token')).toBeNull();
    });

    it('locks the account on the fifth wrong password, says so in the audit trail, and opens again after 15 minutes', async () => {
      for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
        expect(await codeOf(login(w.ctx, 'shuji', 'wrong-password1'))).toBe('ERR_AUTH_INVALID');
      }

      expect(await codeOf(login(w.ctx, 'shuji', 'wrong-password1'))).toBe('ERR_AUTH_LOCKED');
      expect(await codeOf(login(w.ctx, 'shuji', DEMO_PASSWORD))).toBe('ERR_AUTH_LOCKED');
      const actions = await w.handle.db
        .selectFrom('auditEntry')
        .select('action')
        .orderBy('seq')
        .execute();
      expect(actions.filter((a) => a.action === 'auth.loginFailed')).toHaveLength(
        MAX_FAILED_LOGINS - 1,
      );
      expect(actions.at(-1)?.action).toBe('auth.locked');

      w.clock.now = new Date(w.clock.now.getTime() + 14 * 60_000);
      expect(await codeOf(login(w.ctx, 'shuji', DEMO_PASSWORD))).toBe('ERR_AUTH_LOCKED');
      w.clock.now = new Date(w.clock.now.getTime() + 61_000);
      expect(await codeOf(login(w.ctx, 'shuji', DEMO_PASSWORD))).toBe('resolved');
    });

    it('answers an unknown user exactly like a wrong password', async () => {
      expect(await codeOf(login(w.ctx, 'nobody', DEMO_PASSWORD))).toBe('ERR_AUTH_INVALID');
    });

    it('ends sessions of a disabled account and refuses its login', async () => {
      const session = await login(w.ctx, 'shuji', DEMO_PASSWORD);
      const shuji = (await authenticate(w.ctx, session.token))!.account;

      await updateAccount(w.ctx, w.actors['zuzhi']!, shuji.id, { disabled: true });

      expect(await authenticate(w.ctx, session.token)).toBeNull();
      expect(await codeOf(login(w.ctx, 'shuji', DEMO_PASSWORD))).toBe('ERR_AUTH_DISABLED');
    });

    it('creates accounts with a forced password change, and refuses weak passwords, taken names and higher roles', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const shiqiao = await w.orgIdByName('石桥村党支部');

      const created = await createAccount(w.ctx, zuzhi, {
        username: 'shiqiao',
        displayName: '石书记',
        role: 'branchSecretary',
        scopeOrgId: shiqiao,
        password: 'Shiqiao2026',
      });

      expect(created.mustChangePassword).toBe(true);
      expect(created.scopeOrgName).toBe('石桥村党支部');
      expect(
        await codeOf(
          createAccount(w.ctx, zuzhi, {
            username: 'weak',
            displayName: '弱',
            role: 'inspector',
            scopeOrgId: shiqiao,
            password: '12345678',
          }),
        ),
      ).toBe('ERR_PASSWORD_WEAK');
      expect(
        await codeOf(
          createAccount(w.ctx, zuzhi, {
            username: 'shiqiao',
            displayName: '重名',
            role: 'inspector',
            scopeOrgId: shiqiao,
            password: 'Shiqiao2026',
          }),
        ),
      ).toBe('ERR_ACCOUNT_USERNAME_TAKEN');
      expect(
        await codeOf(
          createAccount(w.ctx, zuzhi, {
            username: 'boss',
            displayName: '县管',
            role: 'countyAdmin',
            scopeOrgId: shiqiao,
            password: 'Shiqiao2026',
          }),
        ),
      ).toBe('ERR_ACCOUNT_ROLE_NOT_ALLOWED');
      const county = await w.orgIdByName('云岭县委组织部');
      expect(
        await codeOf(
          createAccount(w.ctx, zuzhi, {
            username: 'outside',
            displayName: '越界',
            role: 'inspector',
            scopeOrgId: county,
            password: 'Shiqiao2026',
          }),
        ),
      ).toBe('ERR_FORBIDDEN_SCOPE');
    });

    it('changes the own password only with the current one, clearing the forced change', async () => {
      const session = await login(w.ctx, 'zuzhi', DEMO_PASSWORD);
      const auth = (await authenticate(w.ctx, session.token))!;

      expect(await codeOf(changeOwnPassword(w.ctx, auth, 'wrong', 'NewPass2026'))).toBe(
        'ERR_AUTH_WRONG_PASSWORD',
      );
      await changeOwnPassword(w.ctx, auth, DEMO_PASSWORD, 'NewPass2026');

      expect(await codeOf(login(w.ctx, 'zuzhi', DEMO_PASSWORD))).toBe('ERR_AUTH_INVALID');
      expect(await codeOf(login(w.ctx, 'zuzhi', 'NewPass2026'))).toBe('resolved');
    });
  });
}
