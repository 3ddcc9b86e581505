import React from 'react';
import { Box, CurrentUserNav, type CurrentUserNavProps } from '@adminjs/design-system';
import { useTranslation, type CurrentAdmin } from 'adminjs';
import { csrfHeader } from './csrf-header.js';

interface LoggedInProps {
  session: CurrentAdmin;
  paths: { logoutPath: string; loginPath: string };
}

/**
 * AdminJS's user menu, whose "log out" was a link (a GET anyone's page could trigger): here it
 * POSTs with the session's CSRF token, and then opens the login page.
 */
const LoggedIn: React.FC<LoggedInProps> = ({ session, paths }) => {
  const { translateButton } = useTranslation();
  const logOut = async () => {
    await fetch(paths.logoutPath, { method: 'POST', credentials: 'same-origin', redirect: 'manual', headers: csrfHeader() });
    window.location.href = paths.loginPath;
  };
  const dropActions: CurrentUserNavProps['dropActions'] = [
    {
      label: translateButton('logout'),
      icon: 'LogOut',
      onClick: (event: Event) => {
        event.preventDefault();
        void logOut();
      },
    },
  ];
  return (
    <Box flexShrink={0} data-css="logged-in">
      <CurrentUserNav name={session.email} title={session.title} avatarUrl={session.avatarUrl} dropActions={dropActions} />
    </Box>
  );
};

export default LoggedIn;
