import React, { useEffect } from 'react';
import { useDispatch, useSelector } from 'react-redux';
import { Box, MessageBox } from '@adminjs/design-system';
import { useTranslation, type NoticeMessageInState, type ReduxState } from 'adminjs';
import { useUnitNames } from '../../shared/components/unit-names.js';

/** AdminJS's own action (its dropNotice is not in the browser's AdminJS global). */
const dropNotice = (noticeId: string) => ({ type: 'DROP_NOTICE', data: { noticeId } });

/** Long enough to read a sentence in Chinese twice; an error stays until it is closed or replaced. */
const SUCCESS_SECONDS = 5;

/**
 * One notice at a time, the newest: a second save no longer stacks a second box over the header
 * and the buttons. It sits under the top bar, within the screen on a phone.
 */
const NoticeBox: React.FC = () => {
  const notices = useSelector((state: ReduxState) => state.notices);
  const dispatch = useDispatch();
  const { tm } = useTranslation();
  const unitNames = useUnitNames();
  const newest: NoticeMessageInState | undefined = notices[notices.length - 1];

  useEffect(() => {
    for (const older of notices.slice(0, -1)) dispatch(dropNotice(older.id));
    if (!newest || newest.type === 'error') return undefined;
    const timer = window.setTimeout(() => dispatch(dropNotice(newest.id)), SUCCESS_SECONDS * 1000);
    return () => window.clearTimeout(timer);
  }, [newest?.id]);

  if (!newest) return null;
  return (
    <Box data-css="notice-wrapper" data-testid="notice-wrapper" className="petro-notice">
      <MessageBox
        message={tm(newest.message, newest.resourceId, unitNames(newest.options))}
        variant={newest.type === 'error' ? 'danger' : newest.type ?? 'info'}
        onCloseClick={() => dispatch(dropNotice(newest.id))}
      >
        {newest.body}
      </MessageBox>
    </Box>
  );
};

export default NoticeBox;
