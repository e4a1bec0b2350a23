/**
 * Upload of a library PDF (administrators): a new document (title, description, file) or a new
 * version of one (note, file). The bytes go to the core, which checks the type by content, stores
 * the file by hash and reads its text; nothing typed is lost when the core refuses the file.
 */
import { useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { fileToBase64 } from '../common/base64';
import type { LibraryDocumentDetail } from '../../../shared/library/schemas';
import { apiErrorText } from './api-error-text';
import { FileName } from './FileName';

type Props = { mode: 'new'; onDone: (d: LibraryDocumentDetail) => void; onCancel: () => void } | { mode: 'version'; documentId: string; onDone: (d: LibraryDocumentDetail) => void; onCancel: () => void };

export function UploadForm(props: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const save = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error(t('library.fileRequired'));
      const dataBase64 = await fileToBase64(file);
      return props.mode === 'new'
        ? unwrap(api().library.create({ title, description, fileName: file.name, dataBase64 }))
        : unwrap(api().library.addVersion({ documentId: props.documentId, note, fileName: file.name, dataBase64 }));
    },
    onSuccess: (d) => props.onDone(d),
    onError: (e) => setError(apiErrorText(e, language)),
  });
  const id = props.mode === 'new' ? 'library-file-new' : `library-file-${props.documentId}`;
  return (
    <Paper withBorder p="md" data-testid={props.mode === 'new' ? 'library-new-form' : 'library-version-form'}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          save.mutate();
        }}
      >
        <Stack gap="sm">
          {props.mode === 'new' ? (
            <>
              <TextInput label={t('library.fields.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required data-testid="library-title" />
              <Textarea label={t('library.fields.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} data-testid="library-description" />
            </>
          ) : (
            <TextInput label={t('library.fields.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="library-note" />
          )}
          <Group gap="sm">
            <label htmlFor={id} className="visually-hidden">
              {t('library.fields.file')}
            </label>
            <input
              id={id}
              ref={input}
              type="file"
              accept="application/pdf"
              className="visually-hidden"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setError(null);
              }}
              data-testid="library-file"
            />
            <Button variant="default" onClick={() => input.current?.click()}>
              {t('library.chooseFile')}
            </Button>
            <Text size="sm" data-testid="library-file-name">
              {file ? <FileName name={file.name} /> : t('library.noFile')}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('library.hint')}
          </Text>
          {error && (
            <Alert color="red" role="alert" data-testid="library-error">
              {error}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="library-save">
              {props.mode === 'new' ? t('library.save') : t('library.saveVersion')}
            </Button>
            <Button variant="subtle" onClick={props.onCancel}>
              {t('library.cancel')}
            </Button>
            {save.isPending && <Text size="sm">{t('library.reading')}</Text>}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
