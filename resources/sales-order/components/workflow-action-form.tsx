import React, { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Box, Button, FormGroup, FormMessage, Input, Label, MessageBox, SelectAsync, TextArea } from '@adminjs/design-system';
import { ApiClient, useNotice, useTranslation, type ActionProps, type ActionResponse } from 'adminjs';
import type { WorkflowField, WorkflowFormOptions } from '../sales-order.components.js';

const api = new ApiClient();

interface Choice {
  value: string;
  label: string;
}

type Values = Record<string, string>;
type Errors = Record<string, { message: string }>;

/**
 * The confirmation step and form of every workflow action (see sales-order.components.ts): the
 * prompt, the declared fields, and one POST. Field values can be prefilled from the query string,
 * e.g. assignTask?customer_id=12 from a customer's page.
 */
const WorkflowActionForm: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { tm, ta } = useTranslation();
  const addNotice = useNotice();
  const navigate = useNavigate();
  const location = useLocation();
  const options = action.custom as WorkflowFormOptions;
  const fields = options.fields ?? [];
  const [values, setValues] = useState<Values>(() => prefilled(fields, location.search));
  const [choices, setChoices] = useState<Record<string, Choice | null>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [errorOptions, setErrorOptions] = useState<Record<string, unknown>>({});
  const [sending, setSending] = useState(false);

  useEffect(() => {
    for (const field of fields) {
      const id = values[field.name];
      if (field.kind === 'reference' && field.resourceId && id) void titleOf(field.resourceId, id).then((choice) => setChoices((old) => ({ ...old, [field.name]: choice })));
    }
    // Only the prefilled references need their titles, once.
  }, []);

  const set = (name: string, value: string) => setValues((old) => ({ ...old, [name]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSending(true);
    try {
      const data = Object.fromEntries(fields.map((field) => [field.name, sendable(field, values[field.name] ?? '')]));
      const response = record
        ? await api.recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, data })
        : await api.resourceAction({ resourceId: resource.id, actionName: action.name, data });
      const answer = response.data as ActionResponse;
      if (answer.notice) addNotice(answer.notice);
      if (answer.notice?.type === 'error') {
        setErrors((answer.record?.errors ?? {}) as Errors);
        setErrorOptions(answer.notice.options ?? {});
      } else if (answer.redirectUrl) {
        navigate(`${answer.redirectUrl}${answer.redirectUrl.includes('?') ? '&' : '?'}refresh=true`);
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <Box as="form" variant="container" onSubmit={submit}>
      <MessageBox mb="xl" variant={action.variant === 'danger' ? 'danger' : 'info'} message={tm(options.prompt, resource.id, record?.params ?? {})} />
      {fields.map((field) => (
        <FormGroup key={field.name} error={Boolean(errors[field.name])}>
          <Label required={field.required}>{tm(field.label, resource.id)}</Label>
          {input(field, values[field.name] ?? '', (value) => set(field.name, value), choices[field.name] ?? null, (choice) => {
            setChoices((old) => ({ ...old, [field.name]: choice }));
            set(field.name, choice?.value ?? '');
          }, tm('formChoose', resource.id))}
          <FormMessage>{errors[field.name] ? tm(errors[field.name].message, resource.id, errorOptions) : null}</FormMessage>
        </FormGroup>
      ))}
      <Box flex flexDirection="row" mt="xl" style={{ gap: 16 }}>
        <Button type="submit" variant={action.variant === 'danger' ? 'danger' : 'contained'} disabled={sending}>
          {ta(action.name, resource.id)}
        </Button>
        <Button type="button" variant="text" onClick={() => navigate(-1)}>
          {tm('formBack', resource.id)}
        </Button>
      </Box>
    </Box>
  );
};

function input(
  field: WorkflowField,
  value: string,
  change: (value: string) => void,
  choice: Choice | null,
  choose: (choice: Choice | null) => void,
  placeholder: string,
): React.ReactNode {
  switch (field.kind) {
    case 'textarea':
      return <TextArea width={1} rows={4} value={value} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => change(event.target.value)} />;
    case 'quantity':
      return <Input width={1} inputMode="decimal" value={value} onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(event.target.value)} />;
    case 'datetime':
      return <Input width={1} type="datetime-local" value={value} onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(event.target.value)} />;
    case 'reference':
      return (
        <SelectAsync
          cacheOptions
          defaultOptions
          isClearable
          placeholder={placeholder}
          value={choice}
          loadOptions={(query: string) => search(field.resourceId ?? '', query)}
          onChange={(selected: Choice | null) => choose(selected)}
        />
      );
    default:
      return <Input width={1} value={value} onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(event.target.value)} />;
  }
}

/** A datetime-local value is the user's wall-clock time; the server gets the instant it means. */
function sendable(field: WorkflowField, value: string): string {
  if (field.kind !== 'datetime' || value === '') return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : instant.toISOString();
}

function prefilled(fields: WorkflowField[], search: string): Values {
  const query = new URLSearchParams(search);
  return Object.fromEntries(fields.filter((field) => query.has(field.name)).map((field) => [field.name, query.get(field.name) ?? '']));
}

async function search(resourceId: string, query: string): Promise<Choice[]> {
  const records = await api.searchRecords({ resourceId, query });
  return records.map((found) => ({ value: String(found.id), label: found.title }));
}

async function titleOf(resourceId: string, recordId: string): Promise<Choice | null> {
  const response = await api.recordAction({ resourceId, recordId, actionName: 'show' });
  const found = (response.data as ActionResponse).record;
  return found ? { value: recordId, label: found.title } : null;
}

export default WorkflowActionForm;
