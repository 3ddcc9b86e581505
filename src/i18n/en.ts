import type { LocaleTranslations } from 'adminjs';

export const en: LocaleTranslations = {
  labels: {
    branches: 'Branches',
    roles: 'Roles',
    teams: 'Teams',
    users: 'Staff',
  },
  messages: {
    loginWelcome: 'CRM for petrochemical sales',
    invalidCredentials: 'Wrong e-mail or password',
    tooManyRequests: 'Too many failed logins; try again in 15 minutes',
  },
  components: {
    Login: {
      welcomeHeader: 'Welcome to PetroCRM',
      welcomeMessage: 'CRM for petrochemical sales',
      properties: { email: 'E-mail', password: 'Password' },
      loginButton: 'Log in',
    },
  },
};
