import React from 'react';
import { Select, SelectAsync } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

/** A select's own words (react-select's "Select...", "No options", "Loading..."), in the user's language. */
function SelectText({ name }: { name: string }) {
  const { translateLabel } = useTranslation();
  return <>{translateLabel(name)}</>;
}

// Every select of the panel (forms, filters, references) takes these unless AdminJS passes its own;
// rendered as components, they follow a language switch without a reload.
for (const component of [Select, SelectAsync] as Array<{ defaultProps?: Record<string, unknown> }>) {
  component.defaultProps = {
    ...component.defaultProps,
    placeholder: <SelectText name="selectPlaceholder" />,
    noOptionsMessage: () => <SelectText name="selectNoOptions" />,
    loadingMessage: () => <SelectText name="selectLoading" />,
  };
}

type Props = BasePropertyProps & { OriginalComponent?: React.ComponentType<BasePropertyProps> };

/**
 * AdminJS's reference select, with its error translated: AdminJS prints a reference field's error
 * message key as it is ("referenceNotFound"), where every other field translates it.
 */
const ReferenceEdit: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const { translateMessage } = useTranslation();
  const { record, property } = props;
  const error = record?.errors?.[property.path];
  if (!OriginalComponent) return null;
  if (!record || !error) return <OriginalComponent {...props} />;
  const errors = { ...record.errors, [property.path]: { ...error, message: translateMessage(error.message, property.resourceId) } };
  return <OriginalComponent {...props} record={{ ...record, errors }} />;
};

export default ReferenceEdit;
