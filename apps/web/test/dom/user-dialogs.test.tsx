import type { ConsoleUser } from '@ecs-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UsersPage } from '@/features/users';
import { apiError, stubApi, type SentRequest } from './fetch-stub';
import { renderInConsole } from './render';

const USERS: ConsoleUser[] = [
  { username: 'root', role: 'admin', createdAt: '2026-01-01T00:00:00.000Z' },
  { username: 'alice', role: 'viewer', createdAt: '2026-02-01T00:00:00.000Z' },
];
const listUsers = () => Response.json({ users: USERS });
const echoUser =
  (role: ConsoleUser['role']) =>
  ({ body }: SentRequest) =>
    Response.json({ ...(body as object), role, createdAt: '2026-03-01T00:00:00.000Z' }, { status: 201 });

async function renderUsersPage(routes: Parameters<typeof stubApi>[0]) {
  const api = stubApi({ 'GET /api/users': listUsers, ...routes });
  const rendered = renderInConsole(<UsersPage />);
  await screen.findByText('alice');
  return { api, ...rendered };
}

async function openForAlice(user: ReturnType<typeof renderInConsole>['user'], action: string) {
  await user.click(screen.getByRole('radio', { name: 'Select alice' }));
  await user.click(screen.getByRole('button', { name: action }));
  return screen.findByRole('dialog');
}

describe('create user', () => {
  it('says what is wrong before sending anything', async () => {
    const { api, user } = await renderUsersPage({});
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    const dialog = await screen.findByRole('dialog');

    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));
    expect(within(dialog).getByText('Enter a user name.')).toBeInTheDocument();
    expect(within(dialog).getByText('Enter a password.')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('User name'), 'Bob');
    await user.type(within(dialog).getByLabelText('Password'), ' '.repeat(14));
    await user.type(within(dialog).getByLabelText('Confirm the password'), ' '.repeat(13));
    expect(
      within(dialog).getByText('Use lower-case letters, digits, dot, dash and underscore, starting with a letter.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Use more than spaces.')).toBeInTheDocument();
    expect(within(dialog).getByText('The passwords do not match.')).toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText('Password'));
    await user.type(within(dialog).getByLabelText('Password'), 'short pass');
    expect(within(dialog).getByText('Use at least 12 characters.')).toBeInTheDocument();
    expect(api.to('POST /api/users')).toEqual([]);
  });

  it('creates the user with the chosen role and reports it', async () => {
    const { api, user } = await renderUsersPage({ 'POST /api/users': echoUser('operator') });
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    const dialog = await screen.findByRole('dialog');

    await user.type(within(dialog).getByLabelText('User name'), 'bob');
    await user.click(within(dialog).getByRole('button', { name: /Viewer/ }));
    await user.click(await screen.findByRole('option', { name: /Operator/ }));
    await user.type(within(dialog).getByLabelText('Password'), 'correct horse battery');
    await user.type(within(dialog).getByLabelText('Confirm the password'), 'correct horse battery');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));

    expect(await screen.findByText('User bob was created with the Operator role.')).toBeInTheDocument();
    expect(api.to('POST /api/users').map((request) => request.body)).toEqual([
      { username: 'bob', role: 'operator', password: 'correct horse battery' },
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it("keeps the dialog open with the server's refusal", async () => {
    const { user } = await renderUsersPage({
      'POST /api/users': apiError(400, 'WeakPassword', 'This password is too common: choose another.', 'BFF-9'),
    });
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('User name'), 'bob');
    await user.type(within(dialog).getByLabelText('Password'), 'password1234');
    await user.type(within(dialog).getByLabelText('Confirm the password'), 'password1234');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));

    expect(await within(dialog).findByText('This password is too common: choose another.')).toBeInTheDocument();
    expect(within(dialog).getByText('WeakPassword')).toBeInTheDocument();
    expect(within(dialog).getByText('BFF-9')).toBeInTheDocument();
  });
});

describe('change role, reset password, delete', () => {
  it('changes the role of the selected user', async () => {
    const { api, user } = await renderUsersPage({ 'PATCH /api/users/alice': echoUser('operator') });
    const dialog = await openForAlice(user, 'Change role');
    const submit = within(dialog).getByRole('button', { name: 'Change role' });
    expect(submit).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: /Viewer/ }));
    await user.click(await screen.findByRole('option', { name: /Operator/ }));
    await user.click(submit);

    expect(await screen.findByText('alice is now Operator.')).toBeInTheDocument();
    expect(api.to('PATCH /api/users/alice').map((request) => request.body)).toEqual([{ role: 'operator' }]);
  });

  it('resets the password with the same rules as creating a user', async () => {
    const { api, user } = await renderUsersPage({ 'PATCH /api/users/alice': echoUser('viewer') });
    const dialog = await openForAlice(user, 'Reset password');
    expect(within(dialog).getByText(/signs alice out everywhere/)).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('Password'), ' '.repeat(12));
    await user.type(within(dialog).getByLabelText('Confirm the password'), ' '.repeat(12));
    await user.click(within(dialog).getByRole('button', { name: 'Reset password' }));
    expect(within(dialog).getByText('Use more than spaces.')).toBeInTheDocument();
    expect(api.to('PATCH /api/users/alice')).toEqual([]);

    await user.clear(within(dialog).getByLabelText('Password'));
    await user.clear(within(dialog).getByLabelText('Confirm the password'));
    await user.type(within(dialog).getByLabelText('Password'), 'a new long password');
    await user.type(within(dialog).getByLabelText('Confirm the password'), 'a new long password');
    await user.click(within(dialog).getByRole('button', { name: 'Reset password' }));

    expect(await screen.findByText(/The password of alice was reset/)).toBeInTheDocument();
    expect(api.to('PATCH /api/users/alice').map((request) => request.body)).toEqual([
      { password: 'a new long password' },
    ]);
  });

  it('deletes a user only after the name is typed', async () => {
    const { api, user } = await renderUsersPage({ 'DELETE /api/users/alice': new Response(null, { status: 204 }) });
    const dialog = await openForAlice(user, 'Delete');
    const submit = within(dialog).getByRole('button', { name: 'Delete' });
    await user.type(within(dialog).getByRole('textbox'), 'alic{Enter}');
    expect(submit).toBeDisabled();
    expect(api.to('DELETE /api/users/alice')).toEqual([]);
    await user.type(within(dialog).getByRole('textbox'), 'e');
    await user.click(submit);

    expect(await screen.findByText('User alice was deleted.')).toBeInTheDocument();
    expect(api.to('DELETE /api/users/alice')).toHaveLength(1);
  });

  it('does not let the signed-in admin delete or demote themselves', async () => {
    const { user } = await renderUsersPage({});
    await user.click(screen.getByRole('radio', { name: 'Select root' }));
    // Cloudscape keeps a button with a disabled reason focusable, so it is aria-disabled.
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Change role' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Reset password' })).not.toHaveAttribute('aria-disabled');
  });
});
