/**
 * The applicant's declaration: the current versioned text filled with their data, signed on the
 * pad or marked "signed on paper" by staff, then sealed by the core. A void seal is shown loudly;
 * submission needs a valid one.
 */
import { useEffect, useRef } from 'react';
import { Alert, Badge, Button, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import type { RequestView } from '../../../shared/requests/schemas';
import { fillDeclaration } from '../../../shared/requests/declaration';
import { formatGregorian, formatHijri } from '../../../shared/dates/calendars';
import { useLanguage } from '../app/use-language';
import { refusalOf } from './api-errors';
import { dateTime } from './format';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';
import { useSupportTypes } from './RequestStep';
import { PrintButton } from './PrintButton';

export function SealBadge({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!request.seal) return null;
  return request.seal.valid ? (
    <Alert color="teal" role="status" data-testid="seal-valid" title={t('reception.declaration.sealed')}>
      {t('reception.declaration.sealedDetail', {
        method: t(`reception.declaration.methods.${request.seal.method}`),
        at: dateTime(request.seal.signedAt, language),
        hash: request.seal.hash.slice(0, 16),
      })}
    </Alert>
  ) : (
    <Alert color="red" role="alert" data-testid="seal-void" title={t('reception.declaration.void')}>
      <span className="ltr-value">{request.seal.hash.slice(0, 16)}</span>
    </Alert>
  );
}

export function DeclarationStep({ request, onChange, onSubmitted }: { request: RequestView; onChange: (r: RequestView) => void; onSubmitted: (r: RequestView) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const pad = useRef<SignaturePadHandle>(null);
  const declaration = useQuery({ queryKey: ['requests', 'declaration'], queryFn: () => unwrap(api().requests.declaration({})) });
  const beneficiary = useQuery({ queryKey: ['beneficiaries', 'get', request.beneficiaryId], queryFn: () => unwrap(api().beneficiaries.get({ id: request.beneficiaryId })) });
  const types = useSupportTypes();
  const typeName = types.data?.find((x) => x.key === request.supportType)?.nameAr ?? request.supportType;

  const sign = useMutation({
    mutationFn: (method: 'screen' | 'paper') => {
      if (method === 'screen') {
        if (!pad.current || pad.current.isEmpty()) {
          throw new ApiError({ code: 'VALIDATION', message: { ar: t('reception.declaration.emptySignature', { lng: 'ar' }), en: t('reception.declaration.emptySignature', { lng: 'en' }) } });
        }
        return unwrap(api().requests.sign({ id: request.id, version: request.version, method, signaturePng: pad.current.toPng() }));
      }
      return unwrap(api().requests.sign({ id: request.id, version: request.version, method }));
    },
    onSuccess: onChange,
  });
  const submit = useMutation({
    mutationFn: () => unwrap(api().requests.submit({ id: request.id, version: request.version })),
    onSuccess: onSubmitted,
  });
  const refusal = sign.error ? refusalOf(sign.error, language, t('reception.errors.generic')) : submit.error ? refusalOf(submit.error, language, t('reception.errors.generic')) : null;

  const now = new Date();
  const preview =
    request.seal?.declarationText ??
    (declaration.data && beneficiary.data
      ? fillDeclaration(declaration.data.textAr, {
          name: beneficiary.data.fullName,
          idNumber: beneficiary.data.idNumber,
          mobile: beneficiary.data.mobile.replace(/^\+966/, '0'),
          supportType: typeName,
          amount: request.amount !== null ? `${request.amount} ريال` : '',
          items: request.items ?? '',
          date: `${formatGregorian(now, 'ar')} الموافق ${formatHijri(now, 'ar')}`,
        })
      : '');
  const sealed = request.seal?.valid === true;
  const submitRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (sealed) submitRef.current?.focus();
  }, [sealed]);

  return (
    <Stack gap="md" data-testid="declaration-step">
      <Title order={2} size="h3">
        {t('reception.declaration.title')}
      </Title>
      <Text size="sm">{t('reception.declaration.intro')}</Text>
      <Paper withBorder p="md" lang="ar" dir="rtl">
        <Text size="xs" c="dimmed" mb={4}>
          {t('reception.declaration.version', { version: request.seal?.declarationVersion ?? declaration.data?.version ?? 1 })}
        </Text>
        <Text className="declaration-text" data-testid="declaration-text">
          {preview}
        </Text>
      </Paper>
      <SealBadge request={request} />
      {request.seal?.signaturePng && request.seal.valid && <Image src={request.seal.signaturePng} alt={t('reception.declaration.signature')} w={280} className="signature-image" />}
      {!sealed && (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('reception.declaration.pad')}
          </Text>
          <SignaturePad ref={pad} label={t('reception.declaration.padLabel')} />
          <Group>
            <Button autoFocus onClick={() => sign.mutate('paper')} loading={sign.isPending && sign.variables === 'paper'} data-testid="sign-paper">
              {t('reception.declaration.signPaper')}
            </Button>
            <Button variant="light" onClick={() => sign.mutate('screen')} loading={sign.isPending && sign.variables === 'screen'} data-testid="sign-screen">
              {t('reception.declaration.signScreen')}
            </Button>
            <Button variant="subtle" onClick={() => pad.current?.clear()}>
              {t('reception.declaration.clear')}
            </Button>
          </Group>
          <PrintButton kind="declaration" recordId={request.id} label={t('reception.declaration.print')} />
        </Stack>
      )}
      {refusal && (
        <Alert color="red" role="alert" data-testid="form-error">
          {refusal.message}
        </Alert>
      )}
      <Group>
        <Button ref={submitRef} size="md" onClick={() => submit.mutate()} disabled={!sealed} loading={submit.isPending} data-testid="submit-request">
          {t('reception.declaration.submit')}
        </Button>
        {sealed && <Badge color="teal">{t('reception.declaration.sealed')}</Badge>}
      </Group>
    </Stack>
  );
}
