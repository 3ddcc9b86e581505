import React, { useState } from 'react';
import { Box, Button, Icon, Input, Label, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ViewHelpers, useNotice, useTranslation, type ActionProps } from 'adminjs';
import { csrfHeader } from '../../shared/components/csrf-header.js';

interface Problem {
  row: number | null;
  column: string | null;
  code: string;
  params: Record<string, string | number>;
  message: string;
}

interface Duplicate {
  row: number;
  matchedBy: 'code' | 'credit_code' | 'name';
  value: string;
  existing: { id: number; code: string; name: string; inScope: boolean } | null;
  earlierRow: number | null;
}

interface Check {
  rowCount: number;
  ignoredColumns: string[];
  problemCount: number;
  problems: Problem[];
  duplicateCount: number;
  duplicates: Duplicate[];
}

type DuplicateMode = 'skip' | 'update';

type Stage =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'checked'; check: Check }
  | { kind: 'writing'; written: number; total: number }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

const h = new ViewHelpers();

/**
 * The import page: templates to download, a file to choose, a check of every row (problems listed
 * with the row number Excel shows), and only for a clean file the import itself, whose progress
 * arrives as lines of JSON while the server writes. The file is sent again for the import, so the
 * server keeps nothing between the two steps.
 */
const ImportFile: React.FC<ActionProps> = ({ resource }) => {
  const { translateMessage, i18n } = useTranslation();
  const addNotice = useNotice();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [duplicateMode, setDuplicateMode] = useState<DuplicateMode | null>(null);
  const t = (key: string, params?: Record<string, unknown>) => translateMessage(key, resource.id, params);
  const url = (step: string, query: Record<string, string> = {}) =>
    h.urlBuilder(['transfer', resource.id, 'import', step], `?${new URLSearchParams({ lang: i18n.language, ...query })}`);

  /** The browser refuses to send a file changed on disk since it was chosen: it must be chosen again. */
  const upload = (step: 'check' | 'commit', mode: DuplicateMode | null = duplicateMode) =>
    fetch(url(step, { file: file?.name ?? '', ...(mode ? { duplicates: mode } : {}) }), {
      method: 'POST',
      body: file,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/octet-stream', ...csrfHeader() },
    }).catch(() => undefined);

  const check = async (mode: DuplicateMode | null = duplicateMode) => {
    if (!file) return;
    setStage({ kind: 'checking' });
    const response = await upload('check', mode);
    if (!response) return setStage({ kind: 'failed', message: t('importUploadFailed') });
    if (!response.ok) return setStage({ kind: 'failed', message: await messageOf(response) });
    setStage({ kind: 'checked', check: (await response.json()) as Check });
  };

  const commit = async () => {
    if (!file) return;
    setStage({ kind: 'writing', written: 0, total: stage.kind === 'checked' ? stage.check.rowCount : 0 });
    const response = await upload('commit');
    if (!response) return setStage({ kind: 'failed', message: t('importUploadFailed') });
    if (response.status === 422) return setStage({ kind: 'checked', check: (await response.json()) as Check });
    if (!response.ok || !response.body) return setStage({ kind: 'failed', message: await messageOf(response) });
    await readLines(response.body, (event) => {
      if (event.type === 'progress') setStage({ kind: 'writing', written: Number(event.written), total: Number(event.total) });
      if (event.type === 'imported') {
        setStage({ kind: 'done', message: String(event.message) });
        addNotice({ message: String(event.message), type: 'success' });
      }
      if (event.type === 'failed') setStage({ kind: 'failed', message: String(event.message) });
    });
  };

  const messageOf = async (response: Response) => {
    const body = (await response.json().catch(() => ({}))) as { message?: string; notice?: { message: string } };
    return body.notice ? translateMessage(body.notice.message, resource.id) : (body.message ?? t('importFailed'));
  };

  // A file naming customers that exist is ready once the employee said what to do with them.
  const clean = stage.kind === 'checked' && stage.check.problemCount === 0 && (stage.check.duplicateCount === 0 || duplicateMode !== null);
  const choose = (mode: DuplicateMode) => {
    setDuplicateMode(mode);
    // Updating a customer outside the employee's scope is a problem only when updating: check again.
    void check(mode);
  };
  return (
    <Box variant="white">
      <Text mb="xl">{t('importIntro')}</Text>
      <Box flex mb="xl" style={{ gap: 12 }}>
        <Button as="a" href={url('template', { format: 'xlsx' })} variant="outlined" size="sm"><Icon icon="FileText" />{t('importTemplateXlsx')}</Button>
        <Button as="a" href={url('template', { format: 'csv' })} variant="outlined" size="sm"><Icon icon="FileText" />{t('importTemplateCsv')}</Button>
      </Box>
      <Label htmlFor="import-file">{t('importChooseFile')}</Label>
      <Input
        id="import-file"
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
          setFile(event.target.files?.[0] ?? null);
          setDuplicateMode(null);
          setStage({ kind: 'idle' });
        }}
      />
      <Box flex mt="lg" mb="xl" style={{ gap: 12 }}>
        <Button onClick={() => void check()} disabled={!file || stage.kind === 'checking' || stage.kind === 'writing'} data-testid="import-check">
          {stage.kind === 'checking' ? t('importChecking') : t('importCheck')}
        </Button>
        <Button variant="contained" onClick={commit} disabled={!clean} data-testid="import-commit">{t('importCommit')}</Button>
      </Box>
      {stage.kind === 'checked' && stage.check.duplicateCount > 0 && <Duplicates check={stage.check} mode={duplicateMode} choose={choose} t={t} />}
      {stage.kind === 'checked' && <CheckResult check={stage.check} t={t} />}
      {stage.kind === 'writing' && <Progress written={stage.written} total={stage.total} label={t('importWriting', { done: stage.written, total: stage.total })} />}
      {stage.kind === 'done' && (
        <MessageBox variant="success" message={stage.message} data-testid="import-done">
          <Button as="a" href={h.resourceUrl({ resourceId: resource.id })} size="sm" mt="default">{t('importBackToList')}</Button>
        </MessageBox>
      )}
      {stage.kind === 'failed' && <MessageBox variant="danger" message={stage.message} data-testid="import-failed" />}
    </Box>
  );
};

const CheckResult: React.FC<{ check: Check; t: (key: string, params?: Record<string, unknown>) => string }> = ({ check, t }) => (
  <Box data-testid="import-check-result">
    {check.ignoredColumns.length > 0 && <Text mb="lg" color="grey60">{t('importIgnoredColumns', { columns: check.ignoredColumns.join('、') })}</Text>}
    {check.problemCount === 0 ? (
      <MessageBox variant="success" message={t('importClean', { rows: check.rowCount })} />
    ) : (
      <>
        <MessageBox variant="danger" message={`${t('importProblems', { count: check.problemCount })} ${check.problems.length < check.problemCount ? t('importProblemsShown', { shown: check.problems.length }) : ''}`} />
        <Table mt="lg" data-testid="import-problems">
          <TableHead>
            <TableRow>
              <TableCell>{t('importRowNumber')}</TableCell>
              <TableCell>{t('importColumn')}</TableCell>
              <TableCell>{t('importProblem')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {check.problems.map((problem, index) => (
              <TableRow key={index} data-row={problem.row ?? ''}>
                <TableCell>{problem.row ?? t('importWholeFile')}</TableCell>
                <TableCell>{problem.column ?? ''}</TableCell>
                <TableCell>{t(problem.code, { ...problem.params, column: problem.column ?? '' })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </>
    )}
  </Box>
);

type T = (key: string, params?: Record<string, unknown>) => string;

/** The rows that are customers already, and the one choice for the file: skip them or update the customers. */
const Duplicates: React.FC<{ check: Check; mode: DuplicateMode | null; choose: (mode: DuplicateMode) => void; t: T }> = ({ check, mode, choose, t }) => (
  <Box mb="xl" data-testid="import-duplicates">
    <MessageBox variant="info" message={t('importDuplicatesFound', { count: check.duplicateCount })} />
    <Table mt="lg" mb="lg">
      <TableHead>
        <TableRow>
          <TableCell>{t('importDuplicateRow')}</TableCell>
          <TableCell>{t('importDuplicateMatchedBy')}</TableCell>
          <TableCell>{t('importDuplicateExisting')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {check.duplicates.map((duplicate) => (
          <TableRow key={duplicate.row} data-row={duplicate.row}>
            <TableCell>{duplicate.row}</TableCell>
            <TableCell>{`${t(`duplicateBy_${duplicate.matchedBy}`)}: ${duplicate.value}`}</TableCell>
            <TableCell>
              {duplicate.existing
                ? `${duplicate.existing.code} ${duplicate.existing.name}${duplicate.existing.inScope ? '' : ` ${t('importDuplicateNotYours')}`}`
                : t('importDuplicateSameAs', { row: duplicate.earlierRow })}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
    {(['skip', 'update'] as const).map((option) => (
      <Box key={option} flex mb="sm" style={{ gap: 8, alignItems: 'center' }}>
        <input type="radio" id={`duplicates-${option}`} name="duplicates" checked={mode === option} onChange={() => choose(option)} />
        <Label htmlFor={`duplicates-${option}`} mb={0}>{t(option === 'skip' ? 'importDuplicatesSkip' : 'importDuplicatesUpdate')}</Label>
      </Box>
    ))}
  </Box>
);

const Progress: React.FC<{ written: number; total: number; label: string }> = ({ written, total, label }) => (
  <Box mb="xl" data-testid="import-progress">
    <Text mb="sm">{label}</Text>
    <Box style={{ height: 8, background: '#eef0f5', borderRadius: 4 }}>
      <Box style={{ height: 8, width: `${total > 0 ? Math.round((100 * written) / total) : 0}%`, background: '#3040d6', borderRadius: 4, transition: 'width 0.2s' }} />
    </Box>
  </Box>
);

/** Reads a response of JSON lines as they arrive. */
async function readLines(body: ReadableStream<Uint8Array>, onEvent: (event: Record<string, unknown>) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += decoder.decode(value ?? new Uint8Array(), { stream: !done });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onEvent(JSON.parse(line) as Record<string, unknown>);
    if (done) return;
  }
}

export default ImportFile;
