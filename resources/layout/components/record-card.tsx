import React from 'react';
import { useNavigate } from 'react-router';
import { Placeholder, TableCell, TableRow } from '@adminjs/design-system';
import { BasePropertyComponent, ViewHelpers, useTranslation, type RecordInListProps } from 'adminjs';
import { usePhone } from './use-phone.js';

/** The title and three more: what fits a phone's card and still tells one row from another. */
const CARD_FIELDS = 4;

type Props = RecordInListProps & { OriginalComponent?: React.ComponentType<RecordInListProps> };

/**
 * A list row on a laptop; on a phone, a card with the list's first four columns (each resource's
 * list order puts its key fields first), labelled, that opens the record's page. AdminJS's own row
 * shows nothing but a checkbox and "…" there.
 */
const RecordCard: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const phone = usePhone();
  const navigate = useNavigate();
  const { translateProperty } = useTranslation();
  const { resource, record, isLoading } = props;
  if (!OriginalComponent) return null;
  if (!phone) return <OriginalComponent {...props} />;

  const canShow = record.recordActions.some((action) => action.name === 'show');
  const open = () => {
    if (canShow) navigate(new ViewHelpers().recordActionUrl({ resourceId: resource.id, recordId: String(record.id), actionName: 'show' }));
  };
  const [first, ...rest] = resource.listProperties.slice(0, CARD_FIELDS);
  const value = (property: typeof first) =>
    isLoading ? <Placeholder style={{ height: 14 }} /> : <BasePropertyComponent where="list" property={property} resource={resource} record={record} />;
  return (
    <TableRow className="petro-record-card" data-id={record.id} data-css={`${resource.id}-table-row`} onClick={open} style={{ cursor: canShow ? 'pointer' : 'default' }}>
      <TableCell colSpan={resource.listProperties.length + 2}>
        {first ? <div className="petro-card-title" data-property-name={first.propertyPath}>{value(first)}</div> : null}
        <dl className="petro-card-fields">
          {rest.map((property) => (
            <div key={property.propertyPath} data-property-name={property.propertyPath}>
              <dt>{translateProperty(property.label, resource.id)}</dt>
              <dd>{value(property)}</dd>
            </div>
          ))}
        </dl>
      </TableCell>
    </TableRow>
  );
};

export default RecordCard;
