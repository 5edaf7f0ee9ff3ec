import { GameSession } from './game-session.entity';
import { Launch } from './launch.entity';
import { Player } from './player.entity';

export { GameSession, Launch, Player };

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const SESSION_ENTITIES: Function[] = [Player, GameSession, Launch];
