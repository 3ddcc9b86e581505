import React from 'react';
import { Text } from '@adminjs/design-system';
import type { BasePropertyProps } from 'adminjs';

/** A business code (TK00000151, SO00003189) in a list cell, kept on one line. */
const CodeValue: React.FC<BasePropertyProps> = ({ property, record }) => (
  <Text as="span" style={{ whiteSpace: 'nowrap' }}>{String(record?.params[property.path] ?? '')}</Text>
);

export default CodeValue;
