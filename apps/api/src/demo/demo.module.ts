import { Module } from '@nestjs/common';
import { SimulatorProcess } from './simulator-process.service';

@Module({ providers: [SimulatorProcess], exports: [SimulatorProcess] })
export class DemoModule {}
