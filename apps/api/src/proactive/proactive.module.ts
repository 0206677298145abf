import { Module, type DynamicModule } from '@nestjs/common';
import { JourneyProposals, ProactiveEvents, ProactiveStarter } from '@passage/proactive';
import { VOCABULARY } from '@passage/life-events';
import { LifeEventRegistry } from '@passage/registry';
import { Vault } from '@passage/persistence';
import { VaultCipher } from '@passage/persistence';
import type { ApiDependencies } from '../app/api-application';
import { ProposalsController } from './proposals.controller';
import { SourceEventsController } from './source-events.controller';

/** Journeys started or proposed by authentic sources' events, and the subject's answer to proposals. */
@Module({})
export class ProactiveModule {
  static register(deps: ApiDependencies): DynamicModule {
    const registry = new LifeEventRegistry(deps.dataSource);
    const cipher = new VaultCipher(deps.vaultKeys);
    const starter = new ProactiveStarter({
      dataSource: deps.dataSource,
      temporal: deps.temporal,
      vault: new Vault(deps.dataSource, cipher),
      vocabulary: VOCABULARY,
      taskQueue: deps.taskQueue,
    });
    const proposals = new JourneyProposals({ dataSource: deps.dataSource, registry, cipher, starter });
    return {
      module: ProactiveModule,
      controllers: [SourceEventsController, ProposalsController],
      providers: [
        { provide: JourneyProposals, useValue: proposals },
        { provide: ProactiveEvents, useValue: new ProactiveEvents(registry, starter, proposals) },
      ],
    };
  }
}
