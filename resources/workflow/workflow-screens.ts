/**
 * What the workflow builders (workflow-action.ts, table-action.ts) tell the two screens through an
 * action's `custom`. Types only: the browser bundle imports them without any server code.
 * Labels are message keys (src/i18n/messages).
 */

/** A message key and the values of its {{placeholders}}. */
export interface Message {
  message: string;
  options?: Record<string, string | number>;
}

/** One input of a workflow form. */
export interface FormField {
  /** Payload key; also the field a refusal names (a column name where there is one). */
  name: string;
  label: string;
  /** 'date' is a calendar day, sent as typed (YYYY-MM-DD), never through a time zone; 'money' an amount in yuan. */
  type: 'text' | 'textarea' | 'quantity' | 'money' | 'date' | 'datetime' | 'select' | 'reference';
  required?: boolean;
  /** select: the values and the message keys of their labels. */
  options?: Array<{ value: string; label: string }>;
  /** reference: the resource whose records the select searches. */
  resourceId?: string;
  /**
   * reference: the select offers only what the step means (service agents for a ticket, the other
   * warehouses for a transfer), sent with the record by the step's GET as `offered[name]`.
   */
  offered?: boolean;
}

/** What a record step's GET answers besides the record: the choices of its offered fields. */
export type OfferedChoices = Record<string, Array<{ value: string; label: string }>>;

export interface FormOptions {
  /** The sentence above the form: what will happen, filled with the record's params and title. */
  intro: string;
  fields: FormField[];
  /** The button; the action's own name when left out. */
  submit?: string;
}

/** A heading: a message key, or the label of one of the resource's own properties. */
export type Heading = { label: string } | { property: string };

export type Column = Heading & {
  /** The row's field shown; several are joined by a space (a code and a name). */
  key: string | string[];
  /** The cell links to the page of a record of `resourceId` (this resource when left out) whose id is row[idKey]. */
  link?: { resourceId?: string; idKey: string };
  /** A timestamp, shown on the business clock (Beijing time), wherever the user is. */
  datetime?: boolean;
  /** The value stands out in a danger badge. */
  alarm?: boolean;
  /** A danger badge with this message follows the value where row[when] is true. */
  flag?: { when: string; label: string };
};

export interface TableOptions {
  columns: Column[];
  /** The answer's key for the rows where a list's API names them itself; otherwise they come in `table`. */
  rowsKey?: string;
  /** Shown instead of an empty table. */
  empty?: string;
  /** A select of records above the table; the chosen one's id goes to the GET as ?name=id. */
  filter?: Heading & { name: string; resourceId: string; placeholder: string };
  /** A record action each row offers as a button, POSTed without fields; the list reloads after it. */
  rowAction?: { name: string; idKey: string };
}

/** The `table` of a list action's answer. */
export interface Table {
  summary?: Message;
  columns: Column[];
  rows: object[];
}
