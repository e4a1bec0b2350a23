/**
 * Settings → Users: everyone changes their own password; administrators add users, set roles,
 * deactivate, unlock, set passwords and the idle lock. Hidden parts are also refused by the router.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, NumberInput, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { ROLES, type Role } from '../../../shared/auth/roles';
import type { UserView } from '../../../shared/auth/schemas';
import { errorText } from './error-text';
import { useCan } from './use-session';

function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((r) => ({ value: r, label: t(`auth.roles.${r}`) }));
}

function ChangeOwnPassword() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () => unwrap(api().auth.changePassword({ currentPassword, newPassword })),
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
  });
  return (
    <form onSubmit={(e) => (e.preventDefault(), change.mutate())}>
      <Stack gap="xs" maw={420}>
        <Title order={2} size="h4">
          {t('auth.users.changeOwnPassword')}
        </Title>
        <PasswordInput label={t('auth.users.currentPassword')} value={currentPassword} onChange={(e) => setCurrent(e.currentTarget.value)} dir="ltr" autoComplete="current-password" />
        <PasswordInput label={t('auth.users.newPassword')} description={t('auth.passwordRules')} value={newPassword} onChange={(e) => setNew(e.currentTarget.value)} dir="ltr" autoComplete="new-password" />
        {change.error && <Alert color="red" role="alert">{errorText(change.error, language)}</Alert>}
        {change.isSuccess && <Alert color="teal">{t('auth.users.passwordChanged')}</Alert>}
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('auth.users.changeOwnPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddUser() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const roles = useRoleOptions();
  const [form, setForm] = useState({ username: '', displayName: '', role: 'receptionist' as Role, password: '' });
  const add = useMutation({
    mutationFn: () => unwrap(api().users.create(form)),
    onSuccess: async () => {
      setForm({ username: '', displayName: '', role: 'receptionist', password: '' });
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  return (
    <form onSubmit={(e) => (e.preventDefault(), add.mutate())} aria-labelledby="add-user-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="add-user-title">
          {t('auth.users.add')}
        </Title>
        <Group align="end" wrap="wrap">
          <TextInput label={t('auth.username')} value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} dir="ltr" data-testid="user-username" />
          <TextInput label={t('auth.displayName')} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })} data-testid="user-display-name" />
          <NativeSelect label={t('auth.users.role')} data={roles} value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })} data-testid="user-role" />
          <PasswordInput label={t('auth.password')} value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} dir="ltr" autoComplete="new-password" data-testid="user-password" />
          <Button type="submit" loading={add.isPending} data-testid="user-add">
            {t('auth.users.add')}
          </Button>
        </Group>
        {add.error && <Alert color="red" role="alert" data-testid="user-add-error">{errorText(add.error, language)}</Alert>}
        {add.isSuccess && <Alert color="teal">{t('auth.users.created')}</Alert>}
      </Stack>
    </form>
  );
}

function UserRow({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const roles = useRoleOptions();
  const [password, setPassword] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  const update = useMutation({
    mutationFn: (change: Partial<Pick<UserView, 'role' | 'active'>>) =>
      unwrap(api().users.update({ id: user.id, displayName: user.displayName, role: change.role ?? user.role, active: change.active ?? user.active })),
    onSuccess: refresh,
  });
  const unlock = useMutation({ mutationFn: () => unwrap(api().users.unlock({ id: user.id })), onSuccess: refresh });
  const reset = useMutation({ mutationFn: () => unwrap(api().users.resetPassword({ id: user.id, password })), onSuccess: () => (setPassword(''), refresh()) });
  const error = update.error ?? unlock.error ?? reset.error;
  const locked = user.lockedUntil && user.lockedUntil > new Date().toISOString();
  return (
    <Table.Tr data-testid={`user-row-${user.username}`}>
      <Table.Td className="ltr-value">{user.username}</Table.Td>
      <Table.Td>{user.displayName}</Table.Td>
      <Table.Td>
        <NativeSelect aria-label={t('auth.users.role')} data={roles} value={user.role} onChange={(e) => update.mutate({ role: e.currentTarget.value as Role })} />
      </Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => update.mutate({ active: !user.active })}>
            {user.active ? t('auth.users.active') : t('auth.users.inactive')}
          </Button>
          {locked && (
            <>
              <Badge color="red.9">{t('auth.users.locked', { until: new Date(user.lockedUntil!).toLocaleTimeString(language) })}</Badge>
              <Button size="xs" onClick={() => unlock.mutate()}>
                {t('auth.users.unlock')}
              </Button>
            </>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <PasswordInput size="xs" aria-label={`${t('auth.users.newPassword')} ${user.username}`} value={password} onChange={(e) => setPassword(e.currentTarget.value)} dir="ltr" autoComplete="new-password" />
          <Button size="xs" variant="default" disabled={!password} onClick={() => reset.mutate()}>
            {t('auth.users.resetPassword')}
          </Button>
        </Group>
        {error && <Text c="red" size="xs" role="alert">{errorText(error, language)}</Text>}
      </Table.Td>
    </Table.Tr>
  );
}

function IdlePolicy() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const policy = useQuery({ queryKey: ['auth-policy'], queryFn: () => unwrap(api().auth.policy({})) });
  const [minutes, setMinutes] = useState<number | string>('');
  const save = useMutation({
    mutationFn: () => unwrap(api().auth.setPolicy({ idleLockMinutes: Number(minutes) })),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['auth-policy'] }), queryClient.invalidateQueries({ queryKey: ['auth-status'] })]),
  });
  return (
    <Group align="end">
      <NumberInput label={t('auth.users.idleLock')} min={1} max={120} value={minutes === '' ? (policy.data?.idleLockMinutes ?? '') : minutes} onChange={setMinutes} data-testid="idle-minutes" />
      <Button onClick={() => save.mutate()} disabled={minutes === ''}>
        {t('auth.users.save')}
      </Button>
      {save.isSuccess && <Text c="teal">{t('auth.users.policySaved')}</Text>}
    </Group>
  );
}

export function UsersPanel() {
  const { t } = useTranslation();
  const isAdmin = useCan('users:list');
  const users = useQuery({ queryKey: ['users'], queryFn: () => unwrap(api().users.list({})), enabled: isAdmin });
  return (
    <Stack gap="xl">
      {isAdmin && (
        <>
          <Title order={2} size="h3">
            {t('auth.users.title')}
          </Title>
          <Table aria-label={t('auth.users.list')} data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auth.username')}</Table.Th>
                <Table.Th>{t('auth.displayName')}</Table.Th>
                <Table.Th>{t('auth.users.role')}</Table.Th>
                <Table.Th>{t('auth.users.active')}</Table.Th>
                <Table.Th>{t('auth.password')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(users.data ?? []).map((u) => (
                <UserRow key={u.id} user={u} />
              ))}
            </Table.Tbody>
          </Table>
          <AddUser />
          <IdlePolicy />
        </>
      )}
      <ChangeOwnPassword />
    </Stack>
  );
}
