using System.Net;
using System.Net.Sockets;

namespace LiveUpdate.Testing;

/// <summary>A TCP port on 127.0.0.1 that nothing listens on at the moment of asking, for a server a test starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
