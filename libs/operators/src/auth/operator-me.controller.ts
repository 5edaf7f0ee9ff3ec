import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedOperator } from './authenticated-operator';
import { CurrentOperator, OperatorAuth } from './operator-auth.decorators';
import { OperatorMeResponseDto } from './dto/operator-me-response.dto';

@ApiTags('operator API')
@OperatorAuth()
@Controller('api/v1/operator')
export class OperatorMeController {
  @Get('me')
  @ApiOperation({
    summary: 'Who am I',
    description: 'The operator the signature authenticates. A cheap way to check your request signing.',
  })
  @ApiOkResponse({ type: OperatorMeResponseDto })
  me(@CurrentOperator() operator: AuthenticatedOperator): OperatorMeResponseDto {
    return OperatorMeResponseDto.from(operator);
  }
}
