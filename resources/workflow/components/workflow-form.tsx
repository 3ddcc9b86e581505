import React, { useState } from 'react';
import { Box, Button, FormGroup, FormMessage, Input, Label, Select, SelectAsync, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useActionResponseHandler, useTranslation, type ActionProps } from 'adminjs';

interface Field {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'number' | 'select' | 'reference';
  required?: boolean;
  options?: Array<{ value: string; label: string }>;
  resourceId?: string;
}

interface Choice {
  value: string;
  label: string;
}

const api = new ApiClient();

/**
 * The form of a workflow action (assign, escalate, merge, launch …), drawn from the action's
 * `custom.fields`. It always POSTs, even without fields, so the server acts only on a submit;
 * the server's notice and redirect are handled the way AdminJS handles its own actions.
 */
const WorkflowForm: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { translateMessage } = useTranslation();
  const handleResponse = useActionResponseHandler();
  const fields: Field[] = action.custom?.fields ?? [];
  const [values, setValues] = useState<Record<string, string>>({});
  const [chosen, setChosen] = useState<Record<string, Choice | null>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const t = (key: string) => translateMessage(key, resource.id, { title: record?.title ?? '' });

  const set = (name: string, value: string) => setValues({ ...values, [name]: value });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSending(true);
    try {
      const data = { ...values };
      const response = record
        ? await api.recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, data })
        : await api.resourceAction({ resourceId: resource.id, actionName: action.name, data });
      const fieldErrors = (response.data.record?.errors ?? response.data.errors ?? {}) as Record<string, { message: string }>;
      setErrors(Object.fromEntries(Object.entries(fieldErrors).map(([name, error]) => [name, error.message])));
      handleResponse(response);
    } finally {
      setSending(false);
    }
  };

  const searchRecords = (resourceId: string) => async (query: string): Promise<Choice[]> => {
    const records = await api.searchRecords({ resourceId, query });
    return records.map((found) => ({ value: String(found.id), label: found.title }));
  };

  const input = (field: Field) => {
    switch (field.type) {
      case 'textarea':
        return <TextArea id={field.name} width={1} rows={4} value={values[field.name] ?? ''} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => set(field.name, event.target.value)} />;
      case 'select': {
        const options = (field.options ?? []).map((option) => ({ value: option.value, label: t(option.label) }));
        return <Select inputId={field.name} options={options} value={options.find((option) => option.value === values[field.name]) ?? null} onChange={(selected: Choice | null) => set(field.name, selected?.value ?? '')} />;
      }
      case 'reference':
        return (
          <SelectAsync inputId={field.name} cacheOptions defaultOptions loadOptions={searchRecords(field.resourceId!)} value={chosen[field.name] ?? null} isClearable
            onChange={(selected: Choice | null) => { setChosen({ ...chosen, [field.name]: selected }); set(field.name, selected?.value ?? ''); }} />
        );
      default:
        return <Input id={field.name} width={1} type={field.type === 'number' ? 'number' : 'text'} value={values[field.name] ?? ''} onChange={(event: React.ChangeEvent<HTMLInputElement>) => set(field.name, event.target.value)} />;
    }
  };

  return (
    <Box as="form" onSubmit={submit} variant="white" width={[1, 2 / 3]}>
      <Text mb="xl">{t(action.custom?.intro)}</Text>
      {fields.map((field) => (
        <FormGroup key={field.name} error={Boolean(errors[field.name])}>
          <Label htmlFor={field.name} required={field.required}>{t(field.label)}</Label>
          {input(field)}
          {errors[field.name] && <FormMessage>{t(errors[field.name])}</FormMessage>}
        </FormGroup>
      ))}
      <Button variant={action.variant === 'danger' ? 'danger' : 'contained'} type="submit" disabled={sending}>{t(action.custom?.submit)}</Button>
    </Box>
  );
};

export default WorkflowForm;
