import type { LocaleTranslations } from 'adminjs';

export const zhCN: LocaleTranslations = {
  labels: {
    branches: '分支机构',
    roles: '角色',
    teams: '团队',
    users: '员工',
  },
  messages: {
    loginWelcome: '石油化工销售客户关系管理系统',
    invalidCredentials: '邮箱或密码不正确',
    tooManyRequests: '登录失败次数过多，请 15 分钟后再试',
  },
  components: {
    Login: {
      welcomeHeader: '欢迎使用 PetroCRM',
      welcomeMessage: '石油化工销售客户关系管理系统',
      properties: { email: '邮箱', password: '密码' },
      loginButton: '登录',
    },
  },
};
