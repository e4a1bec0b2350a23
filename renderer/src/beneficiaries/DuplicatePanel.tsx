/** Likely duplicates, shown while the user types: a hard stop for the same ID, warnings otherwise. */
import { Alert, Button, Checkbox, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../shared/beneficiaries/contract';

export function DuplicatePanel({
  candidates,
  acknowledged,
  onAcknowledge,
  onOpen,
}: {
  candidates: DuplicateCandidate[];
  acknowledged: boolean;
  onAcknowledge: (value: boolean) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (candidates.length === 0) return null;
  const hardStop = candidates.some((c) => c.reason === 'same_id');
  return (
    <Alert color={hardStop ? 'red' : 'yellow'} title={t('beneficiaries.duplicates.title')} data-testid="duplicate-panel" role="alert">
      <List spacing="xs">
        {candidates.map((c) => (
          <List.Item key={`${c.reason}:${c.id}`}>
            <Group gap="sm">
              <Text fw={600}>{t(`beneficiaries.duplicates.${c.reason}`)}:</Text>
              <Text>{c.fullName}</Text>
              <Text className="ltr-value">{c.maskedId}</Text>
              <Text className="ltr-value">{c.reference}</Text>
              <Button size="compact-sm" variant="light" onClick={() => onOpen(c.id)} data-testid="open-duplicate">
                {t('beneficiaries.duplicates.open')}
              </Button>
            </Group>
          </List.Item>
        ))}
      </List>
      {!hardStop && (
        <Checkbox
          mt="sm"
          checked={acknowledged}
          onChange={(e) => onAcknowledge(e.currentTarget.checked)}
          label={t('beneficiaries.duplicates.acknowledge')}
          data-testid="acknowledge-duplicates"
        />
      )}
    </Alert>
  );
}
