namespace LiveUpdate.Libvirt.Tests.Libvirtd;

/// <summary>
/// A real QEMU guest that needs no kernel or disk: 64 MiB, TCG, SeaBIOS finds nothing to boot and idles.
/// Its serial output goes to a file so libvirtd needs no virtlogd.
/// </summary>
internal static class TinyQemuGuest
{
    public static string Xml(string name, string workDirectory) => $"""
        <domain type='qemu'>
          <name>{name}</name>
          <memory unit='MiB'>64</memory>
          <vcpu>1</vcpu>
          <os><type arch='x86_64' machine='pc'>hvm</type></os>
          <on_poweroff>destroy</on_poweroff>
          <on_reboot>restart</on_reboot>
          <on_crash>destroy</on_crash>
          <devices>
            <emulator>/usr/bin/qemu-system-x86_64</emulator>
            <serial type='file'><source path='{Path.Combine(workDirectory, name + ".serial.log")}'/><target port='0'/></serial>
            <memballoon model='none'/>
          </devices>
        </domain>
        """;
}
