import { Role, User } from '../../models/index.js';

/** Only the service team works tickets; a sales rep who raised one does not become its handler. */
export const SERVICE_ROLE = 'service_agent';

export interface ServiceAgent {
  id: number;
  name: string;
}

/** Who a ticket can be handed to: the active service agents, by name. */
export async function listServiceAgents(): Promise<ServiceAgent[]> {
  const agents = await User.findAll({
    attributes: ['id', 'name'],
    where: { active: true },
    include: [{ model: Role, as: 'role', attributes: [], where: { code: SERVICE_ROLE } }],
    order: [['name', 'ASC'], ['id', 'ASC']],
  });
  return agents.map((agent) => ({ id: agent.id, name: agent.name }));
}
