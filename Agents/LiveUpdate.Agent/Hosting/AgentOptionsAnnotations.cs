using Microsoft.Extensions.Options;

namespace LiveUpdate.Agent.Hosting;

/// <summary>
/// The data annotations on <see cref="AgentOptions"/>, checked by generated code: the reflection-based
/// ValidateDataAnnotations is not available in the NativeAOT daemon.
/// </summary>
[OptionsValidator]
internal sealed partial class AgentOptionsAnnotations : IValidateOptions<AgentOptions>;
