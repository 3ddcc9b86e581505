import React, { useState } from 'react';
import { Box, Button, FormGroup, FormMessage, Input, Label } from '@adminjs/design-system';
import { ApiClient, useNotice, useTranslation, type ActionProps } from 'adminjs';

const api = new ApiClient();
const FIELDS = ['currentPassword', 'newPassword', 'confirmation'] as const;

/** Every employee changes their own password here; the server checks the current one. */
const ChangeOwnPassword: React.FC<ActionProps> = ({ resource }) => {
  const { translateMessage } = useTranslation();
  const addNotice = useNotice();
  const [values, setValues] = useState<Record<string, string>>({ currentPassword: '', newPassword: '', confirmation: '' });
  const [errorField, setErrorField] = useState<string>();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const { data } = await api.resourceAction({ resourceId: resource.id, actionName: 'changeOwnPassword', method: 'post', data: values });
    if (data.notice) addNotice(data.notice);
    setErrorField(data.notice?.type === 'error' ? data.field : undefined);
    if (data.notice?.type === 'success') setValues({ currentPassword: '', newPassword: '', confirmation: '' });
  };

  return (
    <Box as="form" onSubmit={submit} variant="white" width={[1, 1 / 2]}>
      {FIELDS.map((field) => (
        <FormGroup key={field} error={errorField === field}>
          <Label required>{translateMessage(`passwordField_${field}`, resource.id)}</Label>
          <Input type="password" name={field} value={values[field]} autoComplete={field === 'currentPassword' ? 'current-password' : 'new-password'}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [field]: event.target.value })} />
          {errorField === field && <FormMessage>{translateMessage('checkThisField', resource.id)}</FormMessage>}
        </FormGroup>
      ))}
      <Button variant="contained" type="submit">{translateMessage('changePasswordButton', resource.id)}</Button>
    </Box>
  );
};

export default ChangeOwnPassword;
