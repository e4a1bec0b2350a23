/** The volunteers registry: register (optionally from a sign-up contact), search, activate. */
import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { AVAILABILITY, VOLUNTEER_STATUSES, volunteerInput, type VolunteerInput, type VolunteerView } from '../../../shared/volunteers/schemas';
import type { ContactView } from '../../../shared/contacts/schemas';
import { Columns } from '../common/Columns';
import { useCheckedSave } from '../common/use-checked-save';
import { displayPhone } from '../../../shared/validation/phone';

const EMPTY = { name: '', idNumber: '', phone: '', skills: '', availability: [] as string[], status: 'applicant', notes: '' };

export function VolunteerForm({ fromContact, onDone }: { fromContact?: ContactView | null; onDone?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ ...EMPTY, name: fromContact?.personName ?? '', phone: fromContact?.phone?.replace(/^\+966/, '0') ?? '', notes: fromContact?.summary ?? '' });
  const input = (): VolunteerInput => ({
    name: v.name,
    idNumber: v.idNumber,
    phone: v.phone,
    skills: v.skills.split(/[,،]/).map((s) => s.trim()).filter(Boolean),
    availability: v.availability as VolunteerInput['availability'],
    status: v.status as VolunteerInput['status'],
    notes: v.notes,
    contactId: fromContact?.id ?? null,
  });
  const { errors, msg, submit, pending } = useCheckedSave({
    schema: volunteerInput,
    input,
    save: (i) => unwrap(api().volunteers.create(i)),
    invalidMessage: t('contacts.fixFields'),
    onSaved: async (saved) => {
      setV(EMPTY);
      await queryClient.invalidateQueries({ queryKey: ['volunteers'] });
      await queryClient.invalidateQueries({ queryKey: ['contacts'] });
      onDone?.();
      return t('contacts.volunteers.saved', { reference: saved.reference });
    },
  });
  const toggle = (a: string) => setV({ ...v, availability: v.availability.includes(a) ? v.availability.filter((x) => x !== a) : [...v.availability, a] });
  return (
    <form onSubmit={submit} noValidate data-testid="volunteer-form">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('contacts.volunteers.add')}
            {fromContact && <Text span size="sm" c="dimmed"> — {t('contacts.volunteers.fromSignup', { reference: fromContact.reference })}</Text>}
          </Title>
          {msg && (
            <Alert color={msg.ok ? 'teal' : 'red'} role={msg.ok ? 'status' : 'alert'} data-testid="volunteer-message">
              {msg.text}
            </Alert>
          )}
          <Columns cols={3}>
            <TextInput label={t('contacts.volunteers.name')} required value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={errors.name} data-testid="volunteer-name" />
            <TextInput label={t('contacts.volunteers.idNumber')} required dir="ltr" value={v.idNumber} onChange={(e) => setV({ ...v, idNumber: e.currentTarget.value })} error={errors.idNumber} data-testid="volunteer-id" />
            <TextInput label={t('contacts.volunteers.phone')} required dir="ltr" placeholder="05XXXXXXXX" value={v.phone} onChange={(e) => setV({ ...v, phone: e.currentTarget.value })} error={errors.phone} data-testid="volunteer-phone" />
          </Columns>
          <Columns cols={2}>
            <TextInput label={t('contacts.volunteers.skills')} value={v.skills} onChange={(e) => setV({ ...v, skills: e.currentTarget.value })} error={errors.skills} data-testid="volunteer-skills" />
            <NativeSelect label={t('contacts.volunteers.status')} data={VOLUNTEER_STATUSES.map((s) => ({ value: s, label: t(`contacts.volunteers.statuses.${s}`) }))} value={v.status} onChange={(e) => setV({ ...v, status: e.currentTarget.value })} />
          </Columns>
          <fieldset className="plain-fieldset">
            <legend>{t('contacts.volunteers.availability')}</legend>
            <Group>
              {AVAILABILITY.map((a) => (
                <Checkbox key={a} label={t(`contacts.volunteers.availabilities.${a}`)} checked={v.availability.includes(a)} onChange={() => toggle(a)} data-testid={`availability-${a}`} />
              ))}
            </Group>
          </fieldset>
          <Textarea label={t('contacts.volunteers.notes')} autosize minRows={1} value={v.notes} onChange={(e) => setV({ ...v, notes: e.currentTarget.value })} />
          <Group>
            <Button type="submit" loading={pending} data-testid="save-volunteer">
              {t('contacts.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

function StatusButton({ volunteer }: { volunteer: VolunteerView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const next = volunteer.status === 'active' ? 'inactive' : 'active';
  const change = useMutation({
    mutationFn: () =>
      unwrap(api().volunteers.update({ id: volunteer.id, version: volunteer.version, data: { name: volunteer.name, idNumber: volunteer.idNumber, phone: volunteer.phone, skills: volunteer.skills, availability: volunteer.availability, status: next, notes: volunteer.notes, contactId: volunteer.contactId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['volunteers'] }),
  });
  return (
    <Button size="xs" variant="light" onClick={() => change.mutate()} loading={change.isPending}>
      {next === 'active' ? t('contacts.volunteers.activate') : t('contacts.volunteers.deactivate')}
    </Button>
  );
}

export function VolunteersPanel() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const list = useQuery({ queryKey: ['volunteers', query], queryFn: () => unwrap(api().volunteers.list({ query })) });
  const rows = list.data ?? [];
  return (
    <Stack gap="md">
      <VolunteerForm />
      <TextInput label={t('contacts.volunteers.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      {rows.length === 0 ? (
        <Text c="dimmed">{t('contacts.empty')}</Text>
      ) : (
        <Table striped data-testid="volunteers-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contacts.fields.reference')}</Table.Th>
              <Table.Th>{t('contacts.volunteers.name')}</Table.Th>
              <Table.Th>{t('contacts.volunteers.idNumber')}</Table.Th>
              <Table.Th>{t('contacts.volunteers.phone')}</Table.Th>
              <Table.Th>{t('contacts.volunteers.skills')}</Table.Th>
              <Table.Th>{t('contacts.volunteers.availability')}</Table.Th>
              <Table.Th>{t('contacts.volunteers.status')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('contacts.volunteers.activate')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((v) => (
              <Table.Tr key={v.id} data-testid="volunteer-row">
                <Table.Td className="ltr-value">{v.reference}</Table.Td>
                <Table.Td>{v.name}</Table.Td>
                <Table.Td className="ltr-value">{v.idNumber}</Table.Td>
                <Table.Td className="ltr-value">{displayPhone(v.phone)}</Table.Td>
                <Table.Td>{v.skills.join('، ')}</Table.Td>
                <Table.Td>{v.availability.map((a) => t(`contacts.volunteers.availabilities.${a}`)).join('، ')}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={v.status === 'active' ? 'teal' : v.status === 'applicant' ? 'blue' : 'gray'}>
                    {t(`contacts.volunteers.statuses.${v.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <StatusButton volunteer={v} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
