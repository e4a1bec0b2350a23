/** A beneficiary's profile: identity, contact, economic situation, household and timeline. */
import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { formatGregorian, formatHijri } from '../../../shared/dates/calendars';
import { useLanguage } from '../app/use-language';
import { Columns } from '../common/Columns';
import type { BeneficiaryView } from '../../../shared/beneficiaries/schemas';
import { BeneficiaryTimeline } from '../timeline/BeneficiaryTimeline';
import { ConsentPanel } from '../privacy/ConsentPanel';
import { displayPhone } from '../../../shared/validation/phone';

function Field({ label, value, ltr }: { label: string; value: string | null; ltr?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text className={ltr ? 'ltr-value' : undefined}>{value ?? '—'}</Text>
    </div>
  );
}

function birthDateText(b: BeneficiaryView, language: 'ar' | 'en'): string | null {
  if (!b.birthDate) return null;
  const d = new Date(`${b.birthDate}T12:00:00Z`);
  return `${formatGregorian(d, language)} — ${formatHijri(d, language)}`;
}

export function ProfileView({ id, onEdit, onBack }: { id: string; onEdit: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useQuery({ queryKey: ['beneficiaries', 'get', id], queryFn: () => unwrap(api().beneficiaries.get({ id })) });
  const b = query.data;
  if (query.isError) return <Alert color="red">{(query.error as Error).message}</Alert>;
  if (!b) return null;
  const f = (k: keyof typeof b) => t(`beneficiaries.fields.${k}` as 'beneficiaries.fields.idNumber');

  return (
    <Stack gap="md" data-testid="beneficiary-profile">
      <Group justify="space-between">
        <div>
          <Title order={1}>{b.fullName}</Title>
          <Text c="dimmed">
            {t('beneficiaries.reference')}: <span className="ltr-value">{b.reference}</span>
          </Text>
        </div>
        <Group>
          <Button variant="default" onClick={onBack}>
            {t('beneficiaries.backToSearch')}
          </Button>
          <Button onClick={onEdit} data-testid="edit-beneficiary">
            {t('beneficiaries.edit')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('beneficiaries.sections.identity')}
        </Title>
        <Columns cols={4}>
          <Field label={f('idType')} value={t(`beneficiaries.idTypes.${b.idType}`)} />
          <Field label={f('idNumber')} value={b.idNumber} ltr />
          <Field label={f('idExpiry')} value={b.idExpiry} ltr />
          <Field label={f('nationality')} value={b.nationality} ltr />
          <Field label={f('gender')} value={t(`beneficiaries.genders.${b.gender}`)} />
          <Field label={f('birthDate')} value={birthDateText(b, language)} />
          <Field label={f('maritalStatus')} value={b.maritalStatus && t(`beneficiaries.maritalStatuses.${b.maritalStatus}`)} />
          <Field label={f('latinName')} value={b.latinName} ltr />
        </Columns>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('beneficiaries.sections.contact')}
        </Title>
        <Columns cols={4}>
          <Field label={f('mobile')} value={displayPhone(b.mobile)} ltr />
          <Field label={f('altMobile')} value={b.altMobile ? displayPhone(b.altMobile) : null} ltr />
          <Field label={f('city')} value={b.city} />
          <Field label={f('district')} value={b.district} />
          <Field label={f('nationalAddress')} value={b.nationalAddress} />
          <Field label={f('category')} value={b.category} />
          <Field label={f('employmentStatus')} value={b.employmentStatus && t(`beneficiaries.employmentStatuses.${b.employmentStatus}`)} />
          <Field label={f('monthlyIncome')} value={b.monthlyIncome === null ? null : String(b.monthlyIncome)} ltr />
          <Field label={f('iban')} value={b.iban} ltr />
        </Columns>
        {b.notes && <Field label={f('notes')} value={b.notes} />}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('beneficiaries.sections.household')}
        </Title>
        {b.household.length === 0 ? (
          <Text c="dimmed">{t('beneficiaries.household.empty')}</Text>
        ) : (
          <Table data-testid="household-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('beneficiaries.household.relation')}</Table.Th>
                <Table.Th>{t('beneficiaries.household.name')}</Table.Th>
                <Table.Th>{t('beneficiaries.household.idNumber')}</Table.Th>
                <Table.Th>{t('beneficiaries.household.birthDate')}</Table.Th>
                <Table.Th>{t('beneficiaries.household.schooling')}</Table.Th>
                <Table.Th>{t('beneficiaries.household.disability')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.household.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{t(`beneficiaries.household.relations.${m.relation}`)}</Table.Td>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td className="ltr-value">{m.idNumber ?? '—'}</Table.Td>
                  <Table.Td className="ltr-value">{m.birthDate ?? '—'}</Table.Td>
                  <Table.Td>{m.schooling ? t(`beneficiaries.household.schoolings.${m.schooling}`) : '—'}</Table.Td>
                  <Table.Td>{m.disability ? '✓' : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <ConsentPanel beneficiaryId={b.id} />
      <BeneficiaryTimeline beneficiaryId={b.id} />
    </Stack>
  );
}
