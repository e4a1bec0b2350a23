/** Other channels: record social media / website / help-service / volunteer sign-up contacts; volunteers registry. */
import { useState } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { CONTACT_CHANNELS, CONTACT_STATUSES, contactInput, type ContactInput, type ContactView } from '../../../shared/contacts/schemas';
import { Columns } from '../common/Columns';
import { BeneficiaryPicker, type PickedBeneficiary } from './BeneficiaryPicker';
import { useCheckedSave } from '../common/use-checked-save';
import { VolunteerForm, VolunteersPanel } from './VolunteersPanel';
import { ConvertContact } from './ConvertContact';

const EMPTY = { channel: 'social_media', source: '', personName: '', phone: '', handle: '', summary: '' };

function ContactForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState(EMPTY);
  const [beneficiary, setBeneficiary] = useState<PickedBeneficiary | null>(null);
  const input = (): ContactInput => ({ ...v, channel: v.channel as ContactInput['channel'], beneficiaryId: beneficiary?.id ?? null });
  const { errors, msg, submit, pending } = useCheckedSave({
    schema: contactInput,
    input,
    save: (i) => unwrap(api().contacts.create(i)),
    invalidMessage: t('contacts.fixFields'),
    onSaved: async (c) => {
      setV({ ...EMPTY, channel: v.channel });
      setBeneficiary(null);
      await queryClient.invalidateQueries({ queryKey: ['contacts'] });
      await queryClient.invalidateQueries({ queryKey: ['timeline'] });
      return t('contacts.saved', { reference: c.reference });
    },
  });
  const set = (k: keyof typeof v, value: string) => setV((old) => ({ ...old, [k]: value }));
  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('contacts.newContact')}
          </Title>
          {msg && (
            <Alert color={msg.ok ? 'teal' : 'red'} role={msg.ok ? 'status' : 'alert'} data-testid="contact-message">
              {msg.text}
            </Alert>
          )}
          <Columns cols={3}>
            <NativeSelect label={t('contacts.fields.channel')} data={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`contacts.channels.${c}`) }))} value={v.channel} onChange={(e) => set('channel', e.currentTarget.value)} data-testid="contact-channel" />
            <TextInput label={t('contacts.fields.source')} value={v.source} onChange={(e) => set('source', e.currentTarget.value)} error={errors.source} />
            <TextInput label={t('contacts.fields.personName')} value={v.personName} onChange={(e) => set('personName', e.currentTarget.value)} error={errors.personName} data-testid="contact-name" />
            <TextInput label={t('contacts.fields.phone')} dir="ltr" value={v.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={errors.phone} data-testid="contact-phone" />
            <TextInput label={t('contacts.fields.handle')} dir="ltr" value={v.handle} onChange={(e) => set('handle', e.currentTarget.value)} error={errors.handle} />
          </Columns>
          <Textarea label={t('contacts.fields.summary')} required autosize minRows={2} value={v.summary} onChange={(e) => set('summary', e.currentTarget.value)} error={errors.summary} data-testid="contact-summary" />
          <BeneficiaryPicker value={beneficiary} onChange={setBeneficiary} testId="contact-beneficiary" />
          <Group>
            <Button type="submit" loading={pending} data-testid="save-contact">
              {t('contacts.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

function ContactRow({ c }: { c: ContactView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const handled = useMutation({
    mutationFn: () => unwrap(api().contacts.setStatus({ id: c.id, status: 'handled' })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['contacts'] }),
  });
  return (
    <>
      <Table.Tr data-testid="contact-row">
        <Table.Td className="ltr-value">{c.reference}</Table.Td>
        <Table.Td>
          {t(`contacts.channels.${c.channel}`)}
          {c.source ? ` (${c.source})` : ''}
        </Table.Td>
        <Table.Td>{c.beneficiaryName ?? c.personName ?? '—'}</Table.Td>
        <Table.Td>{c.summary}</Table.Td>
        <Table.Td>
          <Badge variant="light" color={c.status === 'new' ? 'blue' : c.status === 'converted' ? 'teal' : 'gray'}>
            {c.status === 'converted' && c.convertedKind ? t('contacts.converted', { kind: t(`contacts.convertedKinds.${c.convertedKind}`) }) : t(`contacts.statuses.${c.status}`)}
          </Badge>
        </Table.Td>
        <Table.Td>
          {c.status !== 'converted' && (
            <Group gap={4} wrap="nowrap">
              {c.status === 'new' && (
                <Button size="xs" variant="default" onClick={() => handled.mutate()}>
                  {t('contacts.markHandled')}
                </Button>
              )}
              <Button size="xs" variant="light" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="contact-convert">
                {c.channel === 'volunteer_signup' ? t('contacts.toVolunteer') : t('contacts.convert')}
              </Button>
            </Group>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={6}>
            {c.channel === 'volunteer_signup' ? <VolunteerForm fromContact={c} onDone={() => setOpen(false)} /> : <ConvertContact contact={c} onDone={() => setOpen(false)} />}
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function ContactList() {
  const { t } = useTranslation();
  const [channel, setChannel] = useState('');
  const [status, setStatus] = useState('');
  const filter = { channel: (channel || null) as ContactInput['channel'] | null, status: (status || null) as ContactView['status'] | null, limit: 200 };
  const list = useQuery({ queryKey: ['contacts', 'list', filter], queryFn: () => unwrap(api().contacts.list(filter)) });
  const rows = list.data ?? [];
  const all = { value: '', label: t('contacts.all') };
  return (
    <Stack gap="sm">
      <Group>
        <NativeSelect label={t('contacts.fields.channel')} data={[all, ...CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`contacts.channels.${c}`) }))]} value={channel} onChange={(e) => setChannel(e.currentTarget.value)} />
        <NativeSelect label={t('contacts.fields.status')} data={[all, ...CONTACT_STATUSES.map((s) => ({ value: s, label: t(`contacts.statuses.${s}`) }))]} value={status} onChange={(e) => setStatus(e.currentTarget.value)} />
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('contacts.empty')}</Text>
      ) : (
        <Table data-testid="contacts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contacts.fields.reference')}</Table.Th>
              <Table.Th>{t('contacts.fields.channel')}</Table.Th>
              <Table.Th>{t('contacts.fields.personName')}</Table.Th>
              <Table.Th>{t('contacts.fields.summary')}</Table.Th>
              <Table.Th>{t('contacts.fields.status')}</Table.Th>
              <Table.Th>{t('contacts.convert')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <ContactRow key={c.id} c={c} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function ContactsScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" className="channels-screen">
      <Title order={1}>{t('contacts.title')}</Title>
      <Tabs defaultValue="contacts" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="contacts" data-testid="tab-contacts">
            {t('contacts.tabs.contacts')}
          </Tabs.Tab>
          <Tabs.Tab value="volunteers" data-testid="tab-volunteers">
            {t('contacts.tabs.volunteers')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="contacts" pt="md">
          <Stack gap="md">
            <ContactForm />
            <ContactList />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="volunteers" pt="md">
          <VolunteersPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
