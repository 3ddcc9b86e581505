import React, { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Box, Button, FormGroup, FormMessage, Input, Label, MessageBox, Select, SelectAsync, TextArea } from '@adminjs/design-system';
import { ApiClient, useNotice, useTranslation, type ActionProps } from 'adminjs';
import type { FormField, FormOptions, OfferedChoices } from '../workflow-screens.js';
import { choiceOf, searchChoices, type Choice } from './record-choices.js';
import { useUnitNames } from '../../shared/components/unit-names.js';

const api = new ApiClient();

type Values = Record<string, string>;

/**
 * The form of every workflow action (assign, ship, merge, receive stock …), drawn from the action's
 * `custom` (workflow-screens.ts): what will happen, the declared fields, one POST. It POSTs even
 * without fields, so the server acts only on a submit; the form is also the confirmation step.
 * Fields can be prefilled from the query string, e.g. assignTask?customer_id=12 from a customer's page.
 */
const WorkflowForm: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { tm, ta } = useTranslation();
  const addNotice = useNotice();
  const navigate = useNavigate();
  const location = useLocation();
  const { intro, fields, submit } = action.custom as FormOptions;
  const [values, setValues] = useState<Values>(() => prefilled(fields, location.search));
  const [choices, setChoices] = useState<Record<string, Choice | null>>({});
  const [errors, setErrors] = useState<Record<string, { message: string }>>({});
  const [errorOptions, setErrorOptions] = useState<Record<string, unknown>>({});
  const [sending, setSending] = useState(false);
  const unitNames = useUnitNames();
  const t = (key: string, options?: Record<string, unknown>) => tm(key, resource.id, unitNames(options));

  const [offered, setOffered] = useState<OfferedChoices>({});
  useEffect(() => {
    if (!record || !fields.some((field) => field.offered)) return;
    void api.recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name }).then((response) => {
      setOffered((response.data as { offered?: OfferedChoices }).offered ?? {});
    });
  }, [record?.id]);

  useEffect(() => {
    for (const field of fields) {
      const id = values[field.name];
      if (field.type === 'reference' && field.resourceId && id) void choiceOf(field.resourceId, id).then((choice) => setChoices((old) => ({ ...old, [field.name]: choice })));
    }
    // Only the prefilled references need their titles, once.
  }, []);

  const set = (name: string, value: string) => setValues((old) => ({ ...old, [name]: value }));
  const choose = (name: string) => (choice: Choice | null) => {
    setChoices((old) => ({ ...old, [name]: choice }));
    set(name, choice?.value ?? '');
  };

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    setSending(true);
    try {
      // Only what was filled in: a field never touched is absent, as the domain expects "not given".
      const data = Object.fromEntries(fields.filter((field) => field.name in values).map((field) => [field.name, sendable(field, values[field.name])]));
      const response = record
        ? await api.recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, data })
        : await api.resourceAction({ resourceId: resource.id, actionName: action.name, data });
      const answer = response.data;
      if (answer.notice) addNotice(answer.notice);
      setErrors(answer.record?.errors ?? {});
      setErrorOptions(answer.notice?.options ?? {});
      if (answer.notice?.type !== 'error' && answer.redirectUrl) navigate(`${answer.redirectUrl}${answer.redirectUrl.includes('?') ? '&' : '?'}refresh=true`);
    } finally {
      setSending(false);
    }
  };

  const input = (field: FormField) => {
    const value = values[field.name] ?? '';
    const change = (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(field.name, event.target.value);
    switch (field.type) {
      case 'textarea':
        return <TextArea id={field.name} width={1} rows={4} value={value} onChange={change} />;
      case 'quantity':
      case 'money':
        return <Input id={field.name} width={1} inputMode="decimal" value={value} onChange={change} />;
      case 'date':
        return <Input id={field.name} width={1} type="date" value={value} onChange={change} />;
      case 'datetime':
        return <Input id={field.name} width={1} type="datetime-local" value={value} onChange={change} />;
      case 'select': {
        const options = (field.options ?? []).map((option) => ({ value: option.value, label: t(option.label) }));
        return <Select inputId={field.name} options={options} placeholder={t('formChoose')} value={options.find((option) => option.value === value) ?? null} onChange={(selected: Choice | null) => set(field.name, selected?.value ?? '')} />;
      }
      case 'reference':
        if (field.offered) {
          const choices = offered[field.name] ?? [];
          return <Select inputId={field.name} options={choices} isClearable placeholder={t('formChoose')} value={choices.find((choice) => choice.value === value) ?? null} onChange={(selected: Choice | null) => set(field.name, selected?.value ?? '')} />;
        }
        return (
          <SelectAsync inputId={field.name} cacheOptions defaultOptions isClearable placeholder={t('formChoose')} value={choices[field.name] ?? null}
            loadOptions={(query: string) => searchChoices(field.resourceId ?? '', query)} onChange={choose(field.name)} />
        );
      default:
        return <Input id={field.name} width={1} value={value} onChange={change} />;
    }
  };

  return (
    <Box as="form" variant="container" onSubmit={send}>
      <MessageBox mb="xl" variant={action.variant === 'danger' ? 'danger' : 'info'} message={t(intro, record ? { ...record.params, title: record.title } : {})} />
      {fields.map((field) => (
        <FormGroup key={field.name} error={Boolean(errors[field.name])}>
          <Label htmlFor={field.name} required={field.required}>{t(field.label)}</Label>
          {input(field)}
          <FormMessage>{errors[field.name] ? t(errors[field.name].message, errorOptions) : null}</FormMessage>
        </FormGroup>
      ))}
      <Box flex flexDirection="row" mt="xl" style={{ gap: 16 }}>
        <Button type="submit" variant={action.variant === 'danger' ? 'danger' : 'contained'} disabled={sending}>
          {submit ? t(submit) : ta(action.name, resource.id)}
        </Button>
        <Button type="button" variant="text" onClick={() => navigate(-1)}>{t('formBack')}</Button>
      </Box>
    </Box>
  );
};

/** A datetime-local value is the user's wall-clock time; the server gets the instant it means. */
function sendable(field: FormField, value: string): string {
  if (field.type !== 'datetime' || value === '') return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : instant.toISOString();
}

function prefilled(fields: FormField[], query: string): Values {
  const given = new URLSearchParams(query);
  return Object.fromEntries(fields.filter((field) => given.has(field.name)).map((field) => [field.name, given.get(field.name) ?? '']));
}

export default WorkflowForm;
